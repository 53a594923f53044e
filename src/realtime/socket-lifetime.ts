import { Injectable } from '@nestjs/common';
import { TokenVerifier } from '../auth/token-verifier.js';
import { UsersService } from '../auth/users.service.js';
import { authorityOf, EXPIRED_MESSAGE, hasExpired, setAuthority } from '../balance-api/socket-authority.js';
import { InjectPinoLogger, PinoLogger } from '../observability/logging.js';
import { closeWith } from './server-close.js';
import { joinRoomsOf } from './user-rooms.js';
import type { BalanceSocket } from './server-events.js';

/** setTimeout's longest delay; a later deadline is reached in several waits. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Least time between two introspections of one socket's session, whatever its cache answers. */
const MIN_RECHECK_MS = 1000;

interface Watch {
  readonly token: string;
  /** Epoch ms at which an opaque session must be introspected again; null for a JWT. */
  recheckAt: number | null;
  timer?: NodeJS.Timeout;
  rechecking: boolean;
}

/**
 * A socket's authority lasts as long as its credential, not as long as its connection: at the
 * credential's `expiresAt` the server tells the client `unauthorized` and closes the socket, and
 * an opaque session is introspected again whenever its cached answer runs out (`recheckAt`):
 *  - still active → the socket's principal is replaced (a role change takes effect: the admin
 *    room is joined or left, and the next call is checked against the new roles);
 *  - inactive → closed with `unauthorized`;
 *  - the identity provider cannot say → closed with `unauthorized` as well: the handshake and
 *    REST refuse an unverifiable session (§2), and keeping the socket would let a revoked
 *    session live on for as long as the provider can be kept from answering.
 * Timers belong to the socket and end with it.
 */
@Injectable()
export class SocketLifetime {
  /** Credentials of admitted sockets, from the handshake until the socket connects (or is dropped). */
  private readonly admitted = new WeakMap<BalanceSocket, Watch>();
  private readonly watched = new Map<string, Watch>();

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly users: UsersService,
    @InjectPinoLogger('Realtime') private readonly log: PinoLogger,
  ) {}

  /** Called by the handshake once the credential is accepted; the token is kept in memory only, for rechecks. */
  admit(socket: BalanceSocket, token: string, recheckAt: number | null): void {
    this.admitted.set(socket, { token, recheckAt, rechecking: false });
  }

  /** Called when the socket has connected: arms its expiry and recheck, ended by its disconnect. */
  start(socket: BalanceSocket): void {
    const watch = this.admitted.get(socket);
    this.admitted.delete(socket);
    if (!watch || !socket.connected) return;
    this.watched.set(socket.id, watch);
    socket.once('disconnect', () => this.stop(socket.id));
    this.arm(socket, watch);
  }

  private stop(socketId: string): void {
    const watch = this.watched.get(socketId);
    if (watch?.timer) clearTimeout(watch.timer);
    this.watched.delete(socketId);
  }

  private arm(socket: BalanceSocket, watch: Watch): void {
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = undefined;
    if (this.watched.get(socket.id) !== watch) return;
    const due = Math.min(authorityOf(socket).expiresAt ?? Infinity, watch.recheckAt ?? Infinity);
    if (due === Infinity) return;
    const delay = Math.min(Math.max(due - Date.now(), 0), MAX_TIMER_MS);
    watch.timer = setTimeout(() => this.due(socket, watch), delay);
    // An open socket keeps the process alive anyway; its timers need not.
    watch.timer.unref();
  }

  private due(socket: BalanceSocket, watch: Watch): void {
    if (this.watched.get(socket.id) !== watch || !socket.connected) return;
    const now = Date.now();
    if (hasExpired(authorityOf(socket), now)) return this.end(socket, EXPIRED_MESSAGE, 'info', 'the token expired');
    if (watch.recheckAt !== null && now >= watch.recheckAt) {
      void this.recheck(socket, watch);
      return;
    }
    // Woken before the deadline: a delay clamped to setTimeout's limit, or a timer a little early.
    this.arm(socket, watch);
  }

  private async recheck(socket: BalanceSocket, watch: Watch): Promise<void> {
    if (watch.rechecking) return;
    watch.rechecking = true;
    const check = await this.verifier.check(watch.token, { fresh: true }).catch(() => ({ kind: 'unavailable' }) as const);
    watch.rechecking = false;
    if (this.watched.get(socket.id) !== watch || !socket.connected) return;
    const current = authorityOf(socket);
    // The credential's own end passed while the identity provider answered (which then calls the
    // session inactive): the truer reason is the expiry.
    if (hasExpired(current, Date.now())) return this.end(socket, EXPIRED_MESSAGE, 'info', 'the token expired');
    if (check.kind === 'refused') return this.end(socket, 'Session ended', 'warn', 'the session is no longer active');
    if (check.kind === 'unavailable') return this.end(socket, 'Session could not be verified', 'warn', 'the identity provider could not verify the session');
    if (check.principal.id !== current.principal.id) return this.end(socket, 'Session ended', 'warn', 'the session now names another user');
    const next = { ...current, principal: check.principal, expiresAt: check.expiresAt };
    // A role withdrawn applies at once; a role granted only once the rooms that go with it are
    // joined, so an admin call never succeeds before the admin feed reaches this socket.
    const widened = check.principal.roles.some((role) => !current.principal.roles.includes(role));
    if (!widened) setAuthority(socket, next);
    watch.recheckAt = check.recheckAt === null ? null : Math.max(check.recheckAt, Date.now() + MIN_RECHECK_MS);
    try {
      await this.users.upsert(check.principal);
      await joinRoomsOf(socket, check.principal);
    } catch (error) {
      this.log.error({ socketId: socket.id, err: error }, 'socket recheck: user record or rooms not updated');
    }
    if (widened && this.watched.get(socket.id) === watch && socket.connected) setAuthority(socket, next);
    this.arm(socket, watch);
  }

  /** Expiry is the ordinary end of a socket (info); a revoked or unverifiable session is a refusal (warn). */
  private end(socket: BalanceSocket, message: string, level: 'info' | 'warn', why: string): void {
    const { principal, address } = authorityOf(socket);
    this.log[level]({ socketId: socket.id, userId: principal.id, address }, `socket closed: ${why}`);
    closeWith(socket, 'unauthorized', message);
  }
}
