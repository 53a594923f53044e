import { afterAll, afterEach } from '@jest/globals';
import { saveAsyncTally, takeMismatches } from '../support/asyncapi-contract.js';

/**
 * Jest setup file: a test fails when one of its sockets received an acknowledgement or a push
 * that does not fit the AsyncAPI document its server serves (test/support/asyncapi-contract.ts).
 */
const failOnMismatches = (when: string) => {
  const mismatches = takeMismatches();
  if (mismatches.length > 0) throw new Error(`AsyncAPI mismatch ${when} (/docs/asyncapi.json):\n${mismatches.join('\n\n')}`);
};

afterEach(() => failOnMismatches('in this test'));
afterAll(() => {
  saveAsyncTally();
  failOnMismatches('after the last test of this file');
});
