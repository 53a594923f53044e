import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.js';
import { TEST_JWT_SECRET } from '../support/tokens.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * A fenced block the README marks to be run: `<!-- readme-test -->` on the line before it.
 * Options in the marker: `file=NAME` writes the block to NAME in the project directory (for a
 * later block to run) instead of running it; `expect="REGEX"` requires the block's output to
 * match. Shell blocks run in order in one bash (variables carry over), in the project directory.
 */
export interface ReadmeBlock {
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly file?: string;
  readonly expect?: string;
}

export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!--\s*readme-test\b(.*?)-->\s*$/.exec(lines[i]);
    if (!marker) continue;
    const options = marker[1];
    const file = /\bfile=(\S+)/.exec(options)?.[1];
    const expectation = /\bexpect="((?:[^"\\]|\\.)*)"/.exec(options)?.[1]?.replace(/\\(.)/g, '$1');
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    const fence = /^```(\w+)\s*$/.exec(lines[j] ?? '');
    if (!fence) throw new Error(`README.md:${i + 1}: a readme-test marker must be followed by a fenced code block`);
    const end = lines.indexOf('```', j + 1);
    if (end < 0) throw new Error(`README.md:${j + 1}: unterminated code block`);
    blocks.push({ line: j + 1, lang: fence[1], code: lines.slice(j + 1, end).join('\n'), file, expect: expectation });
    i = end;
  }
  return blocks;
}

/** The README's marked examples, run top to bottom against a fresh server, as a reader would. */
describe('README examples', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  const written: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    // The webhook example's receiver listens on loopback.
    server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn', WEBHOOKS_ALLOW_PRIVATE: 'true' });
  });
  afterAll(async () => {
    for (const file of written) rmSync(file, { force: true });
    await server?.kill();
    await database?.drop();
  });

  it('finds the marked examples: the quick start, the socket.io walkthrough and the backoffice walkthrough', () => {
    const blocks = readmeBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(blocks.filter((b) => b.lang === 'bash').length).toBeGreaterThanOrEqual(4);
    expect(blocks.some((b) => b.lang === 'js' && b.file)).toBe(true);
  });

  it('runs them as written (only the port differs) and each succeeds', () => {
    const port = new URL(server.url).port;
    // The README speaks of the quick start's server on :3000; this one listens elsewhere.
    const here = (code: string) => code.replace(/localhost:3000\b/g, `127.0.0.1:${port}`);
    const blocks = readmeBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const script: string[] = ['set -eo pipefail'];
    const shell: ReadmeBlock[] = [];
    for (const block of blocks) {
      if (block.file) {
        const path = join(ROOT, block.file);
        writeFileSync(path, here(block.code) + '\n');
        written.push(path);
        continue;
      }
      if (!['bash', 'sh', 'shell'].includes(block.lang)) throw new Error(`README.md:${block.line}: cannot run a ${block.lang} block (give it file=NAME and run it from a shell block)`);
      script.push(`printf '\\n@@readme-block ${shell.length}@@\\n'`, here(block.code));
      shell.push(block);
    }
    const run = spawnSync('bash', ['-c', script.join('\n')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 180_000,
      // What a reader's shell would have, and the server's secret so that `npm run token` signs for it.
      env: { PATH: process.env.PATH, HOME: process.env.HOME ?? tmpdir(), JWT_SECRET: TEST_JWT_SECRET, LANG: 'C.UTF-8' },
    });
    const outputs = run.stdout.split(/\n@@readme-block \d+@@\n/).slice(1);
    const report = shell.map((b, i) => `--- README.md:${b.line}\n${outputs[i] ?? '(not reached)'}`).join('\n');
    console.log(`README examples: ${shell.length} shell blocks, ${written.length} files\n${report}${run.status === 0 ? '' : `\nstderr:\n${run.stderr}`}`);
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    shell.forEach((block, i) => {
      if (block.expect) expect({ line: block.line, output: outputs[i] }).toEqual({ line: block.line, output: expect.stringMatching(new RegExp(block.expect)) });
      // A refused request is an example only where the README says so.
      expect({ line: block.line, output: outputs[i] }).toEqual({ line: block.line, output: expect.not.stringMatching(/"statusCode":(401|404|415|422|5\d\d)/) });
    });
  });
});
