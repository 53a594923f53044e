import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutCode(markdown, false).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every relative link of a page (`[text](path#anchor)`, `![alt](path)`) that leads nowhere, as `page:line target`. */
export function brokenLinks(root: string, page: string): string[] {
  const path = join(root, page);
  const broken: string[] = [];
  withoutCode(readFileSync(path, 'utf8'), true)
    .split('\n')
    .forEach((line, i) => {
      for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [file, anchor] = target.split('#') as [string, string | undefined];
        const linked = file === '' ? path : join(dirname(path), decodeURIComponent(file));
        if (relative(root, linked).startsWith('..') || !existsSync(linked)) {
          broken.push(`${page}:${i + 1} ${target} (no such file)`);
          continue;
        }
        if (anchor && (statSync(linked).isDirectory() || !linked.endsWith('.md') || !headingAnchors(readFileSync(linked, 'utf8')).has(anchor))) {
          broken.push(`${page}:${i + 1} ${target} (no such heading)`);
        }
      }
    });
  return broken;
}

/** The page with fenced blocks (and code spans) blanked, line numbers kept: links and headings there are not. */
function withoutCode(markdown: string, spans: boolean): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return '';
      }
      if (fenced) return '';
      return spans ? line.replace(/`[^`]*`/g, '``') : line;
    })
    .join('\n');
}
