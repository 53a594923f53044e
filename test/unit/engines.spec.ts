import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('dependencies and the engines field', () => {
  it("every locked dependency supports the project's minimum Node version", () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-engines.mjs')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    console.log(run.stdout.trim());
  });
});
