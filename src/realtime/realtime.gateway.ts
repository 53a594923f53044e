import { Inject, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { toJsonNumber } from '../common/money.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerEvents } from '../ledger/ledger-events.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { BalanceChange } from '../ledger/ledger.types.js';
import { MetricsService } from '../observability/metrics.service.js';
import { failure, success } from '../balance-api/balance-envelope.js';
import { principalOf } from '../balance-api/balance-endpoints.js';
import { totalsAsNumbers } from '../ledger/totals-as-numbers.js';
import { userInfo } from './user-info.js';
import { userRoom } from './user-rooms.js';

/**
 * Connections and the `user:balance` push. Feature modules own their `balance:*` handlers; this
 * gateway greets each socket, puts it in its user's room, answers unknown events with 404, and
 * pushes committed token balance changes to every socket of the user.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private server!: Server;
  private unsubscribe: (() => void) | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: LedgerEvents,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly metrics: MetricsService,
  ) {}

  afterInit(): void {
    this.unsubscribe = this.events.subscribe((changes) => this.pushBalances(changes));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  handleDisconnect(): void {
    this.metrics.socketClosed();
  }

  async handleConnection(client: Socket): Promise<void> {
    this.metrics.socketOpened();
    const principal = principalOf(client);
    await client.join(userRoom(principal.id));
    client.onAny((event: string, ...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (client.listeners(event).length === 0 && typeof ack === 'function') ack(failure(404, 'Resource not found'));
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

  private async balancePayload(change: BalanceChange) {
    const { scale } = this.assets.get(change.asset);
    const totals = change.totals ?? (await this.ledger.totalsOf(change.userId, change.asset));
    return success({ token: toJsonNumber(change.balance - change.locked, scale), transactions: totalsAsNumbers(totals, scale) });
  }
}
