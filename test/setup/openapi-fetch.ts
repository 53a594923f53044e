import { afterAll } from '@jest/globals';
import { checkAnswer, saveTally } from '../support/openapi-contract.js';

/**
 * Jest setup file: every answer a test receives from a backoffice route (anything under
 * /back-api/, through `http()` or a bare `fetch`) is checked against the OpenAPI document that
 * the same server serves at /docs-json; a mismatch rejects the test's fetch, so the test fails
 * (see test/support/openapi-contract.ts). Other answers pass through untouched.
 */
const original = globalThis.fetch;

afterAll(saveTally);

globalThis.fetch = async function checkedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await original(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!url.pathname.startsWith('/back-api/') || url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return response;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (method === 'HEAD' || method === 'OPTIONS') return response;
  const text = await response.clone().text();
  await checkAnswer(url.origin, method, url.pathname + url.search, { status: response.status, headers: response.headers, text });
  return response;
};
