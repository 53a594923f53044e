import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { invalid, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Tx } from '../database/db.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { PostingResult } from '../ledger/ledger.types.js';
import { SYSTEM_ACCOUNTS } from '../ledger/system-accounts.js';
import type { TokenAction } from './token-action.js';
import { TokenActionsRepository } from './token-actions.repository.js';

/** The catalog of token actions, and applying one to a user through the ledger. */
@Injectable()
export class TokenActionsService {
  constructor(
    private readonly actions: TokenActionsRepository,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<TokenAction[]> {
    return this.actions.list();
  }

  find(action: string): Promise<TokenAction | null> {
    return this.actions.find(action);
  }

  async get(action: string): Promise<TokenAction> {
    const found = await this.find(action);
    if (!found) throw notFound(`Token action ${action} not found`);
    return found;
  }

  async upsert(action: TokenAction): Promise<TokenAction> {
    const token = this.canonical(action.token, this.config.tokenAsset, 'token');
    const price = this.canonical(action.price, this.config.rootAsset, 'price');
    const stored = { ...action, token, price };
    await this.actions.save(stored, this.clock.now());
    return stored;
  }

  async remove(action: string): Promise<void> {
    if (!(await this.actions.delete(action))) throw notFound(`Token action ${action} not found`);
  }

  /**
   * Applies an action to a user: mining and buying credit the user from the issuer (for buying,
   * the caller has already taken the payment), spending debits the user into platform revenue.
   */
  async apply(tx: Tx, userId: string, action: TokenAction): Promise<PostingResult> {
    const asset = this.config.tokenAsset;
    // Parsed as a request amount: an action stored before MAX_AMOUNT existed is still held to it.
    const amount = this.assets.parse(asset, action.token, 'token');
    if (amount <= 0n) throw invalid(`Token action ${action.action} moves no tokens`);
    const counterparty = action.type === 'spending' ? SYSTEM_ACCOUNTS.revenue : SYSTEM_ACCOUNTS.issuer;
    const sign = action.type === 'spending' ? -1n : 1n;
    return this.ledger.postIn(tx, {
      kind: 'tokenAction',
      action: action.action,
      legs: [
        { ownerId: userId, asset, amount: sign * amount, type: action.type, respectsFreeze: true },
        { ownerId: counterparty, asset, amount: -sign * amount, type: 'system' },
      ],
    });
  }

  /** A catalog amount in `asset`: exact, within its scale, not negative, stored canonical. */
  private canonical(input: string, asset: string, field: string): string {
    const minor = this.assets.parse(asset, input, field);
    if (minor < 0n) throw invalid(`${field} must not be negative`);
    return this.assets.format(asset, minor);
  }

}
