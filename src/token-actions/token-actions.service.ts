import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { invalid, notFound } from '../common/errors.js';
import { parseAmount } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db, type Tx } from '../database/db.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { USER_ENTRY_TYPES, type PostingResult } from '../ledger/ledger.types.js';
import { SYSTEM_ACCOUNTS } from '../ledger/system-accounts.js';

/** A token action records one of the user entry types. */
export const TOKEN_ACTION_TYPES = USER_ENTRY_TYPES;
export const TOKEN_ACTION_CATEGORIES = ['event', 'product', 'subscription'] as const;
export type TokenActionType = (typeof TOKEN_ACTION_TYPES)[number];

export interface TokenAction {
  readonly action: string;
  readonly type: TokenActionType;
  /** TOKEN_ASSET amount the action moves, exact decimal string. */
  readonly token: string;
  /** What the action costs in the root asset when bought, exact decimal string. */
  readonly price: string;
  readonly category: string;
  readonly description: string;
}

/** The catalog of token actions, and applying one to a user through the ledger. */
@Injectable()
export class TokenActionsService {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<TokenAction[]> {
    return this.db.query<TokenAction>('SELECT action, type, token, price, category, description FROM token_actions ORDER BY action');
  }

  async get(action: string): Promise<TokenAction> {
    const rows = await this.db.query<TokenAction>('SELECT action, type, token, price, category, description FROM token_actions WHERE action = ?', [action]);
    if (rows.length === 0) throw notFound(`Token action ${action} not found`);
    return rows[0];
  }

  async upsert(action: TokenAction): Promise<TokenAction> {
    const token = this.canonical(action.token, this.config.tokenAsset, 'token');
    const price = this.canonical(action.price, this.config.rootAsset, 'price');
    const stored = { ...action, token, price };
    await this.db.transaction((tx) =>
      tx.query(
        `INSERT INTO token_actions (action, type, token, price, category, description, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (action) DO UPDATE SET type = excluded.type, token = excluded.token, price = excluded.price,
           category = excluded.category, description = excluded.description, updated_at = excluded.updated_at`,
        [stored.action, stored.type, stored.token, stored.price, stored.category, stored.description, this.clock.now()],
      ),
    );
    return stored;
  }

  async remove(action: string): Promise<void> {
    const deleted = await this.db.transaction((tx) => tx.query('DELETE FROM token_actions WHERE action = ? RETURNING action', [action]));
    if (deleted.length === 0) throw notFound(`Token action ${action} not found`);
  }

  /**
   * Applies an action to a user: mining and buying credit the user from the issuer (for buying,
   * the caller has already taken the payment), spending debits the user into platform revenue.
   */
  async apply(tx: Tx, userId: string, action: TokenAction): Promise<PostingResult> {
    const asset = this.config.tokenAsset;
    const amount = parseAmount(action.token, this.assets.get(asset).scale);
    if (amount <= 0n) throw invalid(`Token action ${action.action} moves no tokens`);
    const counterparty = action.type === 'spending' ? SYSTEM_ACCOUNTS.revenue : SYSTEM_ACCOUNTS.issuer;
    const sign = action.type === 'spending' ? -1n : 1n;
    return this.ledger.postIn(tx, {
      kind: 'tokenAction',
      action: action.action,
      legs: [
        { ownerId: userId, asset, amount: sign * amount, type: action.type },
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
