import { describe, expect, it } from '@jest/globals';

/**
 * A describe block of tests that need a program this machine may lack (`find` says where it is,
 * or null). Without it, the block holds one test that says it was skipped, and why (`missing`),
 * instead of failing on a machine that lacks it.
 */
export function describeWith(title: string, find: () => string | null, missing: string, body: (binary: string) => void): void {
  const binary = find();
  describe(title, () => {
    if (binary) return body(binary);
    it(`is skipped: ${missing}`, () => {
      process.stdout.write(`${title}: skipped, ${missing}\n`);
      expect(find()).toBeNull();
    });
  });
}
