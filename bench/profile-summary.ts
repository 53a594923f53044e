/**
 * node dist/bench/profile-summary.js FILE.cpuprofile [--top 25] [--last 8]
 *
 * Where a server's CPU profile (node --cpu-prof) spent its time: self time per package (our
 * code by folder of src/, node's own JavaScript, each dependency, idle, GC) and the functions
 * with the most self time. Time in native code called from JavaScript (better-sqlite3's
 * statements, a socket write) is put on the package that called it, marked "(native)".
 * `--last S` keeps the last S seconds only (the load, without the server's start-up).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/** The package a script belongs to: a dependency, a folder of our src/, or node itself. */
function packageOf(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = /\/dist\/src\/([^/]+)\//.exec(url);
  if (src) return `app:${src[1]}`;
  if (url.includes('/dist/src/')) return 'app';
  if (url.startsWith('node:') || !url.includes('/')) return 'node';
  return url;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, last: { type: 'string' } } });
for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  const span = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const from = values.last === undefined ? -Infinity : span - Number(values.last) * 1e6;
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const label = (node: ProfileNode): { pkg: string; fn: string } => {
    const { functionName, url, lineNumber } = node.callFrame;
    if (SPECIAL.has(functionName)) return { pkg: functionName, fn: functionName };
    if (url) return { pkg: packageOf(url), fn: `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '')}:${lineNumber + 1}` };
    // Native: charged to the nearest caller with a script.
    let up = parent.get(node.id);
    while (up !== undefined && !byId.get(up)!.callFrame.url) up = parent.get(up);
    const caller = up === undefined ? 'node' : packageOf(byId.get(up)!.callFrame.url);
    return { pkg: `${caller} (native)`, fn: `${functionName || '(anonymous)'} [native, from ${caller}]` };
  };

  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, time] of self) {
    const { pkg, fn } = label(byId.get(id)!);
    packages.set(pkg, (packages.get(pkg) ?? 0) + time);
    functions.set(fn, (functions.get(fn) ?? 0) + time);
  }
  const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  process.stdout.write(`\n${file}: ${(total / 1e6).toFixed(1)} s sampled\n-- self time per package\n`);
  for (const [name, time] of top(packages, 30)) process.stdout.write(`${pct(time)}  ${name}\n`);
  process.stdout.write(`-- top functions (self time)\n`);
  for (const [name, time] of top(functions, Number(values.top))) process.stdout.write(`${pct(time)}  ${name}\n`);
}
