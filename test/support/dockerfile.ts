import { readFileSync } from 'node:fs';

/** What the runtime stage of a Dockerfile runs: its CMD, HEALTHCHECK command and ENV, as written. */
export interface ImageRuntime {
  readonly cmd: readonly string[];
  readonly healthcheck: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Reads the last stage of a Dockerfile (the image that runs), so that a test starts the server
 * with the very command line the image does. Only the exec (JSON array) forms are accepted: the
 * shell form would put /bin/sh between the container's stop signal and node.
 */
export function imageRuntime(path: string): ImageRuntime {
  const stages = instructions(readFileSync(path, 'utf8')).reduce<Array<Array<[string, string]>>>((all, instruction) => {
    if (instruction[0] === 'FROM') all.push([]);
    all.at(-1)?.push(instruction);
    return all;
  }, []);
  const last = stages.at(-1) ?? [];
  const argsOf = (name: string) => last.filter(([n]) => n === name).map(([, args]) => args);
  const cmd = argsOf('CMD').at(-1);
  const healthcheck = argsOf('HEALTHCHECK').at(-1);
  if (cmd === undefined || healthcheck === undefined) throw new Error(`${path}: the last stage needs a CMD and a HEALTHCHECK`);
  const env: Record<string, string> = {};
  for (const args of argsOf('ENV')) {
    for (const [, name, value] of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S*)/g)) env[name] = value;
  }
  return { cmd: execForm(cmd, 'CMD'), healthcheck: execForm(healthcheck.replace(/^.*?\bCMD\s+/, ''), 'HEALTHCHECK CMD'), env };
}

/** [INSTRUCTION, arguments] of each instruction, comments dropped and continued lines joined. */
function instructions(text: string): Array<[string, string]> {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => /^\s*([A-Za-z]+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1].toUpperCase(), match[2].trim()]);
}

function execForm(args: string, what: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === 'string')) {
    throw new Error(`${what} must be a JSON array of strings (exec form), not: ${args}`);
  }
  return parsed as string[];
}
