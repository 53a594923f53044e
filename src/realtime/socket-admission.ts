import { Inject, Injectable } from '@nestjs/common';
import { AuthFailures } from '../auth/auth-failures.js';
import { TokenVerifier } from '../auth/token-verifier.js';
import { UsersService } from '../auth/users.service.js';
import { setAuthority } from '../balance-api/socket-authority.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InjectPinoLogger, PinoLogger } from '../observability/logging.js';
import { AddressSlots } from './address-slots.js';
import { handshakeCredential, urlCredential } from './handshake-credential.js';
import { SocketLifetime } from './socket-lifetime.js';
import type { BalanceSocket } from './server-events.js';

/** The `connect_error` messages of a refused handshake. */
export const HANDSHAKE_REFUSALS = {
  unauthorized: 'unauthorized',
  blocked: 'too many requests',
  addressFull: 'too many connections',
  failed: 'unavailable',
} as const;

/**
 * The socket.io handshake, run as server middleware before a socket exists (Nest guards do not
 * run on connect). In order, each step refusing with its `connect_error`:
 *  1. an address past AUTH_FAIL_LIMIT failed authentications → `too many requests`, before any
 *     credential is read, verified or introspected;
 *  2. an address holding SOCKETS_PER_ADDRESS sockets → `too many connections`;
 *  3. the credential (handshake-credential.ts) → `unauthorized` when it is missing, refused
 *     (which counts as a failed authentication) or cannot be verified now (the identity provider
 *     is unreachable: refused as on REST, not counted, since it is not the caller's fault);
 *  4. the user record is written from the claims (a failure there → `unavailable`).
 * Every refusal is logged at warn with the client address and the socket and Engine.IO ids,
 * never the credential.
 */
@Injectable()
export class SocketAdmission {
  private readonly slots: AddressSlots;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly failures: AuthFailures,
    private readonly verifier: TokenVerifier,
    private readonly users: UsersService,
    private readonly lifetime: SocketLifetime,
    @InjectPinoLogger('Realtime') private readonly log: PinoLogger,
  ) {
    this.slots = new AddressSlots(config.limits.socketsPerAddress);
  }

  /** For `server.use()`. */
  readonly middleware = (socket: BalanceSocket, next: (error?: Error) => void): void => {
    const address = this.config.trustProxy.clientOfRequest(socket.request);
    this.admit(socket, address).then(
      (refusal) => next(refusal === null ? undefined : new Error(refusal)),
      (error: unknown) => {
        this.refused(socket, address, 'the handshake failed', { err: error });
        next(new Error(HANDSHAKE_REFUSALS.failed));
      },
    );
  };

  /** Null when admitted, else the `connect_error` message. */
  private async admit(socket: BalanceSocket, address: string): Promise<string | null> {
    if (this.failures.isBlocked(address)) {
      this.refused(socket, address, 'too many failed authentications from this address');
      return HANDSHAKE_REFUSALS.blocked;
    }
    const release = this.slots.take(address);
    if (release === null) {
      this.refused(socket, address, `more than ${this.config.limits.socketsPerAddress} sockets from this address`);
      return HANDSHAKE_REFUSALS.addressFull;
    }
    try {
      const refusal = await this.authenticate(socket, address);
      if (refusal === null) releaseWhenClosed(socket, release);
      else release();
      return refusal;
    } catch (error) {
      release();
      throw error;
    }
  }

  private async authenticate(socket: BalanceSocket, address: string): Promise<string | null> {
    const credential = handshakeCredential(socket.handshake, this.config.limits.socketQueryTokens);
    if (credential === null) {
      const ignoredUrl = urlCredential(socket.handshake) !== null;
      this.refused(socket, address, ignoredUrl ? 'credential in the URL, which SOCKET_QUERY_TOKENS=false ignores' : 'no credential');
      return HANDSHAKE_REFUSALS.unauthorized;
    }
    const check = await this.verifier.check(credential.token);
    if (check.kind === 'unavailable') {
      this.refused(socket, address, 'the credential could not be verified (identity provider unavailable)');
      return HANDSHAKE_REFUSALS.unauthorized;
    }
    if (check.kind === 'refused' || (check.expiresAt !== null && check.expiresAt <= Date.now())) {
      this.failures.record(address);
      this.refused(socket, address, `credential refused (from ${credential.from})`);
      return HANDSHAKE_REFUSALS.unauthorized;
    }
    await this.users.upsert(check.principal);
    setAuthority(socket, { principal: check.principal, expiresAt: check.expiresAt, address });
    this.lifetime.admit(socket, credential.token, check.recheckAt);
    return null;
  }

  private refused(socket: BalanceSocket, address: string, reason: string, extra: Record<string, unknown> = {}): void {
    this.log.warn({ socketId: socket.id, sid: engineId(socket), address, ...extra }, `socket handshake refused: ${reason}`);
  }
}

/** The Engine.IO session id: the one id of a refused handshake that its client also saw (in the open packet). */
const engineId = (socket: BalanceSocket): string => (socket.conn as unknown as { id: string }).id;

/**
 * Gives the address slot back when the socket disconnects, or when its connection closes first
 * (a client gone between the handshake and the connect never gets a `disconnect`).
 */
function releaseWhenClosed(socket: BalanceSocket, release: () => void): void {
  const once = () => {
    socket.conn.off('close', once);
    release();
  };
  socket.once('disconnect', once);
  socket.conn.once('close', once);
}
