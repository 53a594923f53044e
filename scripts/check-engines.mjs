#!/usr/bin/env node
/**
 * Fails when an installed dependency's `engines.node` excludes the project's own minimum Node
 * version (package.json `engines.node`): such a package may not run on a Node the project says
 * it supports, and `npm ci` warns about it. Reads package-lock.json, which records every
 * package's `engines`, so it needs no install and sees optional packages too.
 *   node scripts/check-engines.mjs            prints the offenders and exits 1, or says OK
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

export function engineConflicts(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const minimum = semver.minVersion(pkg.engines.node);
  const conflicts = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '') continue;
    // npm records engines as an object; a few old packages wrote an array of strings.
    const range = Array.isArray(entry.engines) ? entry.engines.find((e) => /^node\b/.test(e))?.replace(/^node\s*/, '') : entry.engines?.node;
    if (!range) continue;
    if (!semver.validRange(range) || !semver.satisfies(minimum, range, { includePrerelease: true })) {
      conflicts.push({ package: path.replace(/^.*node_modules\//, ''), path, version: entry.version, node: range });
    }
  }
  return { minimum: minimum.version, declared: pkg.engines.node, conflicts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { minimum, declared, conflicts } = engineConflicts(root);
  if (conflicts.length === 0) {
    console.log(`engines: every dependency supports Node ${minimum} (package.json engines.node "${declared}")`);
  } else {
    console.error(`engines: ${conflicts.length} dependencies exclude Node ${minimum} (package.json engines.node "${declared}"):`);
    for (const c of conflicts) console.error(`  ${c.package}@${c.version} requires node ${c.node}   (${c.path})`);
    process.exit(1);
  }
}
