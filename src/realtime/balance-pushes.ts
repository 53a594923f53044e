import { Inject, Injectable } from '@nestjs/common';
import { success } from '../balance-api/balance-envelope.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { balanceView, type BalanceSnapshot } from '../ledger/balance-view.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { InjectPinoLogger, PinoLogger } from '../observability/logging.js';
import { RedisConnections } from '../redis/redis-connections.js';
import type { BalanceServer, BalanceSocket, UserBalance } from './server-events.js';
import { UserSockets } from './user-sockets.js';

/** Between instances (socket.io's server-side events, through Redis): a user's new balance. */
const CROSS_INSTANCE_BALANCE = 'ledger:balance';
/** Between instances: "read your sockets' balances again", from an instance whose pushes Redis lost. */
const RESYNC_REQUEST = 'ledger:resync';

/**
 * `user:balance`, newest last on every socket. Each push carries the account's `seq`
 * (accounts.seq), and each socket remembers the last one it was sent: a push that is not newer
 * is dropped, however it arrived (two instances' pushes cross in Redis; a read that started
 * before a commit finishes after its push). So a socket never goes back to an older balance.
 *
 * Pushes go to this instance's sockets of the user directly, and to the other instances as a
 * server-side event (with the Redis adapter), where each does the same for its own sockets.
 * Repairs, none of which costs a donation anything:
 * - after `user_info`, the socket's current balance (it may have missed pushes while away);
 * - when this instance's Redis subscriber is back after an outage, every socket here gets its
 *   current balance once (pushes from the other instances were lost meanwhile);
 * - when its publisher is back, the other instances are asked to do the same (theirs were lost).
 * See ARCHITECTURE.md, "Sockets converge", for why this and not a Redis Streams adapter.
 */
@Injectable()
export class BalancePushes {
  /** The seq last sent to each socket; a socket is absent until it has been greeted. */
  private readonly sentSeq = new WeakMap<BalanceSocket, number>();
  private server: BalanceServer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly redis: RedisConnections,
    private readonly userSockets: UserSockets,
    @InjectPinoLogger('Realtime') private readonly log: PinoLogger,
  ) {}

  /** Listens to the other instances and to Redis coming back; returns how to stop. */
  attach(server: BalanceServer): () => void {
    this.server = server;
    server.sockets.on(CROSS_INSTANCE_BALANCE, (userId, payload) => this.deliver(userId, payload, false));
    server.sockets.on(RESYNC_REQUEST, () => void this.resync());
    return this.redis.onReconnect((connection) => {
      if (connection === 'subscriber') void this.resync();
      else server.serverSideEmit(RESYNC_REQUEST);
    });
  }

  /** A committed balance of the token account of `userId`, to every socket of the user. */
  push(userId: string, snapshot: BalanceSnapshot): void {
    const payload = this.payload(snapshot);
    this.deliver(userId, payload, false);
    if (this.redis.enabled) this.server?.serverSideEmit(CROSS_INSTANCE_BALANCE, userId, payload);
  }

  /** Reads the user's committed balance, then pushes it (changes published without their totals: holds). */
  async pushCurrent(userId: string): Promise<void> {
    const snapshot = await this.read([userId]);
    if (snapshot) this.push(userId, snapshot.get(userId)!);
  }

  /** Right after `user_info`: from now on the socket gets pushes, starting with its current balance. */
  async greet(socket: BalanceSocket, userId: string): Promise<void> {
    this.sentSeq.set(socket, -1);
    const snapshots = await this.read([userId]);
    if (snapshots) this.send(socket, this.payload(snapshots.get(userId)!), false);
  }

  /** Every socket of this instance gets its current balance once (one read per 500 users). */
  async resync(): Promise<void> {
    const users = this.userSockets.users();
    const snapshots = await this.read(users);
    if (!snapshots) return;
    for (const [userId, snapshot] of snapshots) this.deliver(userId, this.payload(snapshot), true);
    this.log.info({ users: users.length }, 'user:balance sent again to every socket of this instance');
  }

  private payload(snapshot: BalanceSnapshot): UserBalance {
    return success(balanceView(snapshot, this.assets.get(this.config.tokenAsset).scale));
  }

  private deliver(userId: string, payload: UserBalance, again: boolean): void {
    for (const socket of this.userSockets.of(userId)) this.send(socket, payload, again);
  }

  /** Sends if newer than what the socket was last sent (`again`: or the same, for a resync). */
  private send(socket: BalanceSocket, payload: UserBalance, again: boolean): void {
    const last = this.sentSeq.get(socket);
    const { seq } = payload.data;
    if (last === undefined || seq < last || (seq === last && !again)) return;
    this.sentSeq.set(socket, seq);
    socket.emit('user:balance', payload);
  }

  /** The snapshots, or null when the database could not be read (the next change pushes anyway). */
  private async read(userIds: readonly string[]): Promise<Map<string, BalanceSnapshot> | null> {
    try {
      return await this.ledger.snapshotsOf(userIds, this.config.tokenAsset);
    } catch (error) {
      this.log.warn({ err: error }, 'user:balance not sent: balances could not be read');
      return null;
    }
  }
}
