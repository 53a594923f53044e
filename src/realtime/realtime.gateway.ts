import { Inject, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { formatAmount, toJsonNumber } from '../common/money.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerEvents, type CommittedTransaction } from '../ledger/ledger-events.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { BalanceChange } from '../ledger/ledger.types.js';
import { MetricsService } from '../observability/metrics.service.js';
import { failure, success } from '../balance-api/balance-envelope.js';
import { authorityOf, EXPIRED_MESSAGE, hasExpired, principalOf } from '../balance-api/socket-authority.js';
import { totalsAsNumbers } from '../ledger/totals-as-numbers.js';
import { SocketLifetime } from './socket-lifetime.js';
import { userInfo } from './user-info.js';
import { ADMIN_ROOM, joinRoomsOf, userRoom } from './user-rooms.js';
import { UserSockets } from './user-sockets.js';

/**
 * Connections and the `user:balance` push. Feature modules own their `balance:*` handlers; this
 * gateway starts each socket's lifetime under its credential (socket-lifetime.ts) and its place
 * under SOCKETS_PER_USER (user-sockets.ts), greets it, puts it in its user's room, answers
 * unknown events with 404 (401 once the credential expired), and pushes committed token balance
 * changes to every socket of the user.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private server!: Server;
  private unsubscribe: Array<() => void> = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: LedgerEvents,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly metrics: MetricsService,
    private readonly lifetime: SocketLifetime,
    private readonly userSockets: UserSockets,
  ) {}

  afterInit(): void {
    this.unsubscribe = [
      this.events.subscribe((changes) => this.pushBalances(changes)),
      this.events.subscribeTransactions((transaction) => this.pushTransaction(transaction)),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribe.forEach((unsubscribe) => unsubscribe());
  }

  handleDisconnect(): void {
    this.metrics.socketClosed();
  }

  async handleConnection(client: Socket): Promise<void> {
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
  }

  private pushBalances(changes: readonly BalanceChange[]): void {
    // The ledger publishes each account's final state once per transaction.
    for (const change of changes.filter((c) => c.asset === this.config.tokenAsset)) {
      this.balancePayload(change).then(
        (payload) => this.server.to(userRoom(change.userId)).emit('user:balance', payload),
        () => undefined,
      );
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

  private async balancePayload(change: BalanceChange) {
    const { scale } = this.assets.get(change.asset);
    const totals = change.totals ?? (await this.ledger.totalsOf(change.userId, change.asset));
    return success({ token: toJsonNumber(change.balance - change.locked, scale), transactions: totalsAsNumbers(totals, scale) });
  }
}
