import { Inject, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { formatAmount } from '../common/money.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerEvents, type CommittedTransaction } from '../ledger/ledger-events.js';
import type { BalanceChange } from '../ledger/ledger.types.js';
import { MetricsService } from '../observability/metrics.service.js';
import { failure } from '../balance-api/balance-envelope.js';
import { authorityOf, EXPIRED_MESSAGE, hasExpired, principalOf } from '../balance-api/socket-authority.js';
import { BalancePushes } from './balance-pushes.js';
import type { BalanceServer, BalanceSocket } from './server-events.js';
import { SocketLifetime } from './socket-lifetime.js';
import { userInfo } from './user-info.js';
import { ADMIN_ROOM, joinRoomsOf } from './user-rooms.js';
import { UserSockets } from './user-sockets.js';

/**
 * Connections and the `user:balance` push. Feature modules own their `balance:*` handlers; this
 * gateway starts each socket's lifetime under its credential (socket-lifetime.ts) and its place
 * under SOCKETS_PER_USER (user-sockets.ts), greets it, puts it in its user's room, answers
 * unknown events with 404 (401 once the credential expired), and pushes committed token balance
 * changes to every socket of the user (balance-pushes.ts: in order, and repaired after gaps).
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private server!: BalanceServer;
  private unsubscribe: Array<() => void> = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: LedgerEvents,
    private readonly assets: AssetRegistry,
    private readonly metrics: MetricsService,
    private readonly lifetime: SocketLifetime,
    private readonly userSockets: UserSockets,
    private readonly balances: BalancePushes,
  ) {}

  afterInit(): void {
    this.unsubscribe = [
      this.events.subscribe((changes) => this.pushBalances(changes)),
      this.events.subscribeTransactions((transaction) => this.pushTransaction(transaction)),
      this.balances.attach(this.server),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((unsubscribe) => unsubscribe());
  }

  handleDisconnect(): void {
    this.metrics.socketClosed();
  }

  async handleConnection(client: BalanceSocket): Promise<void> {
    this.metrics.socketOpened();
    this.lifetime.start(client);
    this.userSockets.add(client);
    const principal = principalOf(client);
    // Operators' live feed: the credential's roles decide, at the handshake and at each recheck.
    await joinRoomsOf(client, principal);
    client.onAny((event: string, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (client.listeners(event).length > 0 || typeof ack !== 'function') return;
      ack(hasExpired(authorityOf(client)) ? failure(401, EXPIRED_MESSAGE) : failure(404, 'Resource not found'));
    });
    client.emit('user_info', userInfo(principal, this.config.networkId));
    // Whatever it missed while away: the committed balance, right after the greeting.
    void this.balances.greet(client, principal.id);
  }

  private pushBalances(changes: readonly BalanceChange[]): void {
    // The ledger publishes each account's final state once per transaction.
    for (const change of changes) {
      if (change.asset !== this.config.tokenAsset) continue;
      if (change.totals) this.balances.push(change.userId, { balance: change.balance, locked: change.locked, seq: change.seq, totals: change.totals });
      else void this.balances.pushCurrent(change.userId);
    }
  }

  /** `admin:transaction`: every committed transaction with a user entry, to admin sockets on every instance. */
  private pushTransaction(transaction: CommittedTransaction): void {
    this.server.to(ADMIN_ROOM).emit('admin:transaction', {
      transactionId: transaction.transactionId,
      kind: transaction.kind,
      action: transaction.action,
      createdAt: new Date(transaction.createdAt).toISOString(),
      entries: transaction.entries.map((e) => ({ userId: e.userId, asset: e.asset, amount: formatAmount(e.amount, this.assets.get(e.asset).scale), type: e.type })),
    });
  }
}
