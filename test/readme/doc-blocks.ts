/**
 * The fenced blocks of a Markdown page, each with what the documentation test does with it.
 *
 * Every fenced block needs a marker, `<!-- doc-test … -->`, on a line before it (blank lines may
 * come between), so that no block is left out silently:
 * - `<!-- doc-test -->`: a shell block (`bash`, `sh`, `shell`), run in order with the page's
 *   other shell blocks, in one bash (variables carry over), in the project directory;
 * - `expect="REGEX"`: its output must match;
 * - `stop-server`: the text before it asks the reader to stop the quick start's server (the
 *   block starts another), so the test stops its own server first;
 * - `file=NAME`: the block is written to NAME in the project directory, for a later block to run;
 * - `output`: the block shows what the shell block before it prints; that output must contain
 *   it (JSON: as a value on one line; anything else: with the whitespace between tags ignored);
 * - `not-run="REASON"`: deliberately not run, the reason being what the text beside it says.
 */
export interface DocBlock {
  readonly page: string;
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly kind: 'run' | 'file' | 'output' | 'not-run';
  readonly file?: string;
  readonly expect?: string;
  readonly stopServer?: boolean;
  readonly reason?: string;
}

const SHELLS = ['bash', 'sh', 'shell'];
const MARKER = /^\s*<!--\s*doc-test\b(.*?)-->\s*$/;
const FENCE = /^(\s*)```(\S*)\s*$/;

/** The page's fenced blocks; throws, naming the line, on an unmarked block or a marker without one. */
export function docBlocks(page: string, markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let options: { text: string; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (marker) {
      if (options) throw new Error(`${page}:${options.line}: a doc-test marker must be followed by a fenced block`);
      options = { text: marker[1], line: i + 1 };
      continue;
    }
    const fence = FENCE.exec(lines[i]);
    if (!fence) {
      if (options && lines[i].trim() !== '') throw new Error(`${page}:${options.line}: a doc-test marker must be followed by a fenced block`);
      continue;
    }
    if (!options) throw new Error(`${page}:${i + 1}: a fenced block without a doc-test marker (run it, show its output, or say why it is not run)`);
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    if (end >= lines.length) throw new Error(`${page}:${i + 1}: unterminated code block`);
    const indent = fence[1].length;
    const code = lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
    blocks.push(block(page, i + 1, fence[2], code, options.text));
    options = null;
    i = end;
  }
  if (options) throw new Error(`${page}:${options.line}: a doc-test marker must be followed by a fenced block`);
  checkOrder(blocks);
  return blocks;
}

function block(page: string, line: number, lang: string, code: string, options: string): DocBlock {
  const where = `${page}:${line}`;
  const quoted = (name: string) => new RegExp(`\\b${name}="((?:[^"\\\\]|\\\\.)*)"`).exec(options)?.[1]?.replace(/\\(.)/g, '$1');
  const reason = quoted('not-run');
  if (reason !== undefined) {
    if (reason.trim().length < 10) throw new Error(`${where}: not-run needs its reason`);
    return { page, line, lang, code, kind: 'not-run', reason };
  }
  if (/(^|\s)output(\s|$)/.test(options)) return { page, line, lang, code, kind: 'output' };
  const file = /\bfile=(\S+)/.exec(options)?.[1];
  if (file) return { page, line, lang, code, kind: 'file', file };
  if (!SHELLS.includes(lang)) throw new Error(`${where}: cannot run a ${lang || 'plain'} block (give it file=NAME and run it from a shell block, or output, or not-run="why")`);
  return { page, line, lang, code, kind: 'run', expect: quoted('expect'), stopServer: /(^|\s)stop-server(\s|$)/.test(options) };
}

/** An output block shows what the run block before it printed: one must precede it. */
function checkOrder(blocks: DocBlock[]): void {
  blocks.forEach((b, i) => {
    if (b.kind !== 'output') return;
    const before = blocks.slice(0, i).reverse().find((p) => p.kind !== 'output');
    if (before?.kind !== 'run') throw new Error(`${b.page}:${b.line}: an output block must follow a shell block that is run`);
  });
}

/** Whether `printed` (a run block's output) contains what an output block shows. */
export function showsOutput(shown: DocBlock, printed: string): boolean {
  if (shown.lang === 'json') {
    const expected: unknown = JSON.parse(shown.code);
    return printed.split('\n').some((line) => {
      try {
        return JSON.stringify(canonical(JSON.parse(line))) === JSON.stringify(canonical(expected));
      } catch {
        return false;
      }
    });
  }
  const tight = (text: string) => text.replace(/>\s+</g, '><').trim();
  return tight(printed).includes(tight(shown.code));
}

/** A JSON value with its object members in key order, so that two equal values print alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}
