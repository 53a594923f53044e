import { invalid } from '../common/errors.js';

/**
 * PostgreSQL text cannot hold a NUL character: a value carrying one would fail as a server
 * error deep in a request. Both databases refuse it here instead, as the client's mistake (400),
 * so the API behaves the same on either.
 */
export function refuseNul(value: unknown): void {
  if (typeof value === 'string' && value.includes('\u0000')) throw invalid('Text must not contain NUL characters');
  if (Array.isArray(value)) value.forEach(refuseNul);
}
