import { Inject } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { toJsonNumber } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { BalanceEndpoints } from '../balance-api/balance-endpoints.js';
import { BalanceEvent, type BalanceCall } from '../balance-api/balance-event.decorator.js';
import { balanceView } from './balance-view.js';
import { AssetRegistry } from './asset-registry.js';
import { LedgerService } from './ledger.service.js';
import type { PostingResult } from './ledger.types.js';
import { postingChange } from './posting-audit.js';
import { UserTransfersService } from './user-transfers.service.js';
import { AddUserBalanceDto, DonateTokenDto } from './ledger.dto.js';

/** balance:getTransactions, balance:donateToken, balance:addUserBalanceByAdmin. */
@WebSocketGateway()
export class LedgerGateway {
  constructor(
    private readonly endpoints: BalanceEndpoints,
    private readonly ledger: LedgerService,
    private readonly transfers: UserTransfersService,
    private readonly assets: AssetRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  @BalanceEvent('balance:getTransactions')
  getTransactions(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: null,
      read: async ({ principal }) => {
        const asset = this.config.tokenAsset;
        const snapshot = (await this.ledger.snapshotsOf([principal.id], asset)).get(principal.id)!;
        // The totals and the spendable balance of one snapshot, as user:balance has them.
        const { transactions, token } = balanceView(snapshot, this.assets.get(asset).scale);
        return { transactions, token };
      },
    });
  }

  @BalanceEvent('balance:donateToken')
  donateToken(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: DonateTokenDto,
      write: async ({ principal, data }, tx) => this.outcome(await this.transfers.donate(tx, principal.id, data.targetUser, data.token), principal.id),
    });
  }

  @BalanceEvent('balance:addUserBalanceByAdmin')
  addUserBalanceByAdmin(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: AddUserBalanceDto,
      role: 'admin',
      write: async ({ principal, data, caller }, tx) => {
        const asset = this.config.tokenAsset;
        const result = await this.transfers.adjust(tx, { userId: data.targetUser, asset, amount: data.amount, action: 'adminAdjustment', metadata: { admin: principal.id } });
        const change = postingChange(this.assets, 'balance.add_by_admin', result, data.targetUser, asset, this.assets.parse(asset, data.amount));
        if (change) await this.audit.record(tx, caller, change);
        return this.outcome(result, data.targetUser);
      },
    });
  }

  /** What a write answers: its transaction and the affected user's spendable token balance. */
  private outcome(result: PostingResult, userId: string) {
    const account = result.accounts.find((a) => a.ownerId === userId && a.asset === this.config.tokenAsset);
    const { scale } = this.assets.get(this.config.tokenAsset);
    return { transactionId: result.transactionId, token: account ? toJsonNumber(account.balance - account.locked, scale) : undefined };
  }
}
