import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { rawRequest } from '../support/raw-http.js';

const FORGED = 'attacker.example';

/** Everything the documentation serves that could name a server: the document, the UI page and its start script. */
const DOCUMENTATION = ['/docs-json', '/docs', '/docs/', '/docs/swagger-ui-init.js'];

/** What each documentation path serves to a client that forges every header naming a host. */
async function servedWithForgedHosts(app: RunningApp): Promise<Array<{ path: string; status: number; forgedHostAppears: boolean }>> {
  const forged = { host: FORGED, 'x-forwarded-host': FORGED, 'x-forwarded-proto': 'https', forwarded: `host=${FORGED};proto=https` };
  const served = [];
  for (const path of DOCUMENTATION) {
    const answer = await rawRequest(app.url, 'GET', path, forged);
    served.push({ path, status: answer.status, forgedHostAppears: answer.body.includes(FORGED) });
  }
  return served;
}

const notForged = DOCUMENTATION.map((path) => ({ path, status: 200, forgedHostAppears: false }));

/**
 * §10 "Headers": /docs-json's `servers` come from PUBLIC_URL, never from a Host a client wrote.
 * (A forged Host would have pointed Swagger UI's "Try it out", with the operator's token, at the forger.)
 */
describe('the OpenAPI servers are never taken from the request', () => {
  describe('without PUBLIC_URL', () => {
    let app: RunningApp;
    beforeAll(async () => {
      // The test client is a trusted proxy here: even a proxy's X-Forwarded-Host is not believed for this.
      app = await startApp('sqlite', { TRUST_PROXY: '127.0.0.1' });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('a forged Host or X-Forwarded-Host appears nowhere in the document, the UI page or its script', async () => {
      expect(await servedWithForgedHosts(app)).toEqual(notForged);
    });

    it('the one server is relative: wherever the document was fetched from', async () => {
      const doc = JSON.parse((await rawRequest(app.url, 'GET', '/docs-json', { host: FORGED })).body) as { servers: unknown };
      expect(doc.servers).toEqual([{ url: '/', description: 'This server' }]);
    });
  });

  describe('with PUBLIC_URL', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp('sqlite', { PUBLIC_URL: 'https://ledger.example.com/' });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('PUBLIC_URL is the one server, and a forged host appears nowhere', async () => {
      expect(await servedWithForgedHosts(app)).toEqual(notForged);
      const doc = JSON.parse((await rawRequest(app.url, 'GET', '/docs-json', { host: FORGED })).body) as { servers: unknown };
      expect(doc.servers).toEqual([{ url: 'https://ledger.example.com', description: 'This server' }]);
    });
  });
});
