import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../support/app-harness.js';
import { connectPlatform } from '../support/platform-client.js';
import { handshakeOutcome } from '../support/socket-client.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { tokenFor } from '../support/tokens.js';

/** The platform SDK's handshake (socket.io-client 2.5, `?sessionId=`): "connected" or its error. */
const platformOutcome = (app: RunningApp, token: string) =>
  connectPlatform(app.url, app.config.socketPath, token).then(
    ({ socket }) => {
      socket.close();
      return 'connected';
    },
    (error: Error) => error.message,
  );

describe.each(DATABASE_KINDS)('socket credentials in the URL (M8) on %s', (kind) => {
  describe('SOCKET_QUERY_TOKENS=false', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(kind, { SOCKET_QUERY_TOKENS: 'false' });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('ignores ?token= and ?sessionId= (socket.io-client 4): unauthorized', async () => {
      expect(await handshakeOutcome(app, tokenFor('url-off-token'), 'query')).toBe('unauthorized');
      expect(await handshakeOutcome(app, tokenFor('url-off-session'), 'session')).toBe('unauthorized');
    });

    it("refuses the platform SDK's ?sessionId= (socket.io-client 2.5): unauthorized", async () => {
      expect(await platformOutcome(app, tokenFor('url-off-v2'))).toBe('unauthorized');
    });

    it('still admits auth.token and the Authorization header', async () => {
      expect(await handshakeOutcome(app, tokenFor('url-off-auth'), 'auth')).toBe('connected');
      expect(await handshakeOutcome(app, tokenFor('url-off-header'), 'header')).toBe('connected');
    });
  });

  describe('SOCKET_QUERY_TOKENS unset (default true)', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(kind);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('admits ?token= and ?sessionId= from socket.io-client 4 and the platform SDK on socket.io-client 2.5', async () => {
      expect(await handshakeOutcome(app, tokenFor('url-on-token'), 'query')).toBe('connected');
      expect(await handshakeOutcome(app, tokenFor('url-on-session'), 'session')).toBe('connected');
      expect(await platformOutcome(app, tokenFor('url-on-v2'))).toBe('connected');
    });
  });
});
