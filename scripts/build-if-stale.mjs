#!/usr/bin/env node
/**
 * Builds (tsc -p tsconfig.build.json) only when dist/ is older than the sources: `npm start`,
 * `npm run token` and the migration scripts run it first, so a current build costs nothing.
 * A source is current when its .js in dist/ is at least as new, or when this script built after
 * the source last changed (tsc leaves an output alone when its text would not change, so a
 * type-only edit never makes a newer .js; dist/.build-stamp remembers that build instead).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

export function staleSources() {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return [...sources(join(root, 'src')), join(root, 'ormconfig.ts')].filter((source) => {
    const output = join(root, 'dist', relative(root, source)).replace(/\.ts$/, '.js');
    const changed = statSync(source).mtimeMs;
    return !existsSync(output) || (changed > statSync(output).mtimeMs && changed > built);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && staleSources().length > 0) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (run.status === 0) writeFileSync(stamp, `${new Date().toISOString()}\n`);
  process.exit(run.status ?? 1);
}
