import { afterAll } from '@jest/globals';
import { stopAllChildren } from '../support/child-processes.js';

// Whatever a test file started dies with it, even when its test timed out and its loop runs on.
afterAll(async () => {
  await stopAllChildren('the test file has finished');
});
