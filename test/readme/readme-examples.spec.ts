import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docBlocks, showsOutput, type DocBlock } from './doc-blocks.js';
import { brokenLinks, headingAnchors } from './doc-links.js';
import { runPage } from './doc-run.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The reader's pages: the README and the guides under docs/. */
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => `docs/${f}`)];

const blocksOf = (page: string) => docBlocks(page, readFileSync(join(ROOT, page), 'utf8'));
const RUN_PAGES = PAGES.filter((page) => blocksOf(page).some((b) => b.kind === 'run'));

describe('the documentation', () => {
  it('marks every fenced block: run, written for a run, shown as output, or not run with its reason', () => {
    const blocks = PAGES.flatMap(blocksOf);
    const notRun = blocks.filter((b) => b.kind === 'not-run');
    console.log(`Documentation: ${blocks.length} blocks in ${PAGES.length} pages; deliberately not run:\n${notRun.map((b) => `${b.page}:${b.line} ${b.reason}`).join('\n')}`);
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'docs/socket-api.md', 'docs/legacy-api.md', 'docs/operating.md', 'docs/events.md']));
    expect(blocks.filter((b) => b.kind === 'run').length).toBeGreaterThanOrEqual(15);
  });

  it('refuses an unmarked block and a marker without a block', () => {
    expect(() => docBlocks('x.md', 'text\n\n```bash\nls\n```\n')).toThrow('x.md:3: a fenced block without a doc-test marker');
    expect(() => docBlocks('x.md', '<!-- doc-test -->\ntext\n')).toThrow('x.md:1: a doc-test marker must be followed by a fenced block');
    expect(() => docBlocks('x.md', '<!-- doc-test not-run="" -->\n```bash\nls\n```\n')).toThrow('not-run needs its reason');
    expect(() => docBlocks('x.md', '<!-- doc-test output -->\n```json\n{}\n```\n')).toThrow('an output block must follow a shell block');
    expect(docBlocks('x.md', '<!-- doc-test expect="a\\"b" stop-server -->\n\n```bash\necho\n```\n')).toEqual([
      { page: 'x.md', line: 3, lang: 'bash', code: 'echo', kind: 'run', expect: 'a"b', stopServer: true },
    ]);
  });

  it('names headings as GitHub does', () => {
    expect([...headingAnchors("# A\n## Addresses behind a proxy (`TRUST_PROXY`)\n### Legacy API: what M2's hash leaves open\n## A\n")]).toEqual([
      'a',
      'addresses-behind-a-proxy-trust_proxy',
      'legacy-api-what-m2s-hash-leaves-open',
      'a-1',
    ]);
  });

  it('links only to files and headings that exist', () => {
    expect([...PAGES, 'ARCHITECTURE.md'].flatMap((page) => brokenLinks(ROOT, page))).toEqual([]);
  });

  it.each(RUN_PAGES)('%s: its examples run as written (only the port differs) and print what it says', async (page) => {
    const blocks = blocksOf(page);
    const run = await runPage(ROOT, blocks);
    const report = run.ran.map((b, i) => `--- ${page}:${b.line}\n${run.outputs[i] ?? '(not reached)'}`).join('\n');
    console.log(`${page}: ${run.ran.length} shell blocks, ${run.written.length} files\n${report}${run.status === 0 ? '' : `\nstderr:\n${run.stderr}`}`);
    expect({ page, status: run.status, signal: run.signal }).toEqual({ page, status: 0, signal: null });
    let last: { block: DocBlock; output: string } | null = null;
    for (const block of blocks) {
      if (block.kind === 'run') {
        const output = run.outputs[run.ran.indexOf(block)];
        last = { block, output };
        if (block.expect) expect({ line: block.line, output }).toEqual({ line: block.line, output: expect.stringMatching(new RegExp(block.expect)) });
        // A refused request is an example only where the page says so.
        expect({ line: block.line, output }).toEqual({ line: block.line, output: expect.not.stringMatching(/"statusCode":(401|404|415|422|5\d\d)/) });
      }
      if (block.kind === 'output') {
        expect({ shown: `${page}:${block.line}`, matches: showsOutput(block, last!.output) }).toEqual({ shown: `${page}:${block.line}`, matches: true });
      }
    }
  }, 300_000);
});
