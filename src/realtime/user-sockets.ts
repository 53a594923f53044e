import { Inject, Injectable } from '@nestjs/common';
import { principalOf } from '../balance-api/socket-authority.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InjectPinoLogger, PinoLogger } from '../observability/logging.js';
import { closeWith } from './server-close.js';
import type { BalanceSocket } from './server-events.js';

/**
 * SOCKETS_PER_USER: a user's open sockets on this instance, oldest first. A new socket beyond
 * the limit closes the oldest ones (told `too_many_connections`), so a user who opens a tab too
 * many keeps working in the new one, and a stolen token cannot pile up connections.
 *
 * In memory and per instance: behind N instances a user may hold N × the limit.
 */
const NONE: ReadonlySet<BalanceSocket> = new Set();

@Injectable()
export class UserSockets {
  private readonly byUser = new Map<string, Set<BalanceSocket>>();
  private readonly limit: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectPinoLogger('Realtime') private readonly log: PinoLogger,
  ) {
    this.limit = config.limits.socketsPerUser;
  }

  /** This user's sockets on this instance (none: an empty list). */
  of(userId: string): ReadonlySet<BalanceSocket> {
    return this.byUser.get(userId) ?? NONE;
  }

  /** The users with a socket on this instance. */
  users(): string[] {
    return [...this.byUser.keys()];
  }

  /** Counts a connected socket for its user (until it disconnects) and closes what is over the limit. */
  add(socket: BalanceSocket): void {
    const userId = principalOf(socket).id;
    const sockets = this.byUser.get(userId) ?? new Set<BalanceSocket>();
    this.byUser.set(userId, sockets);
    sockets.add(socket);
    socket.once('disconnect', () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.byUser.get(userId) === sockets) this.byUser.delete(userId);
    });
    // A Set iterates in insertion order: the first ones are the oldest.
    const surplus = [...sockets].slice(0, Math.max(0, sockets.size - this.limit));
    for (const oldest of surplus) {
      sockets.delete(oldest);
      this.log.info({ socketId: oldest.id, userId }, `socket closed: more than ${this.limit} sockets for this user`);
      closeWith(oldest, 'too_many_connections', `At most ${this.limit} connections per user: this one was the oldest`);
    }
  }
}
