import { Inject, Injectable } from '@nestjs/common';
import { UsersService } from '../auth/users.service.js';
import { invalid, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Tx } from '../database/db.service.js';
import { adjustmentLegs } from './adjustment.js';
import { AssetRegistry } from './asset-registry.js';
import { LedgerService } from './ledger.service.js';
import type { PostingResult } from './ledger.types.js';

/** Movements between users and the platform that several surfaces share. */
@Injectable()
export class UserTransfersService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly assets: AssetRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One user gives TOKEN_ASSET to another: `spending` for the giver, `mining` for the receiver, both `donation`. */
  async donate(tx: Tx, fromUserId: string, toUserId: string, amountInput: unknown): Promise<PostingResult> {
    const asset = this.config.tokenAsset;
    const amount = this.assets.parse(asset, amountInput, 'token');
    if (amount <= 0n) throw invalid('token must be greater than zero');
    if (fromUserId === toUserId) throw invalid('targetUser must be another user');
    await this.requireUser(toUserId);
    return this.ledger.postIn(tx, {
      kind: 'donation',
      action: 'donation',
      metadata: { from: fromUserId, to: toUserId },
      legs: [
        { ownerId: fromUserId, asset, amount: -amount, type: 'spending', respectsFreeze: true },
        { ownerId: toUserId, asset, amount, type: 'mining', respectsFreeze: true },
      ],
    });
  }

  /**
   * Credits (positive) or withdraws (negative) a user's balance against the issuer, recorded as
   * `mining` or `spending` under `action`. A withdrawal never takes the balance below zero.
   */
  async adjust(tx: Tx, input: { userId: string; asset: string; amount: unknown; action: string; field?: string; metadata?: Record<string, unknown> }): Promise<PostingResult> {
    const amount = this.assets.parse(input.asset, input.amount, input.field ?? 'amount');
    if (amount === 0n) throw invalid(`${input.field ?? 'amount'} must not be zero`);
    await this.requireUser(input.userId);
    return this.ledger.postIn(tx, {
      kind: 'adjustment',
      action: input.action,
      metadata: input.metadata ?? {},
      legs: adjustmentLegs(input.userId, input.asset, amount),
    });
  }

  async requireUser(userId: string): Promise<void> {
    if (!(await this.users.exists(userId))) throw notFound(`User ${userId} not found`);
  }
}
