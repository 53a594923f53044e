import { createHash } from 'node:crypto';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Inject, Injectable } from '@nestjs/common';
import { AmountFormatError, convertMinorHalfUp, formatAmount, formatFixed, parseAmount, type Ratio } from '../common/money.js';
import { DomainError } from '../common/errors.js';
import { answerTakenKey } from '../database/retry-policy.js';
import { Db } from '../database/db.service.js';
import { BoundHashes, type HashBinding, type HashedRequest } from '../idempotency/bound-hashes.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UsersService, type UserRecord } from '../auth/users.service.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { postingChange } from '../ledger/posting-audit.js';
import { LegacyError } from './legacy-error.js';
import type { LegacyParams } from './legacy-params.js';
import { postBillingUpdate, type BillingUpdate } from './billing-update.js';
import { LegacyGates } from './legacy-gates.js';
import { LEGACY_METHODS } from './legacy-methods.js';
import { UserBalanceLookups } from './user-and-balance.js';

const ONE: Ratio = { num: 1n, den: 1n };

/** A name no user can have: absent, or with a NUL character (which no database stores). */
const storable = (value: string | undefined): value is string => value !== undefined && !value.includes('\u0000');

export interface BalanceAnswer {
  readonly balance: string;
  /** Only with user_currency=1: the upper-case code of the currency the balance is in. */
  readonly currency?: string;
}

export interface BalanceUpdatedAnswer {
  readonly username: string | null;
  readonly id: string;
  readonly balance: string;
}

/** Unique keys an update writes, each of which a racing request may take first: its hash's binding and its request_id. */
const UPDATE_KEYS = 2;

/**
 * The update's hash and the texts it covered, exactly as sent: the binding compares the very
 * characters the hash was computed over, so no two different requests can share one. (Equal
 * user_id and request_id texts under one hash imply equal balance texts, so binding the
 * canonical amount instead would refuse and admit exactly the same requests.)
 */
function hashedUpdateOf(params: LegacyParams): HashedRequest {
  return { hash: params.get('hash') ?? '', parameters: LEGACY_METHODS.user_balance_update.hashed.map((name) => params.get(name) ?? '') };
}

/** The role that makes a user an operator who may change balances through `u`. */
const OPERATOR_ROLE = 'admin';

/**
 * user_balance_get and user_balance_update, after the hash guard has passed: the feature toggle
 * (get only), the operator (update only), the user, then the work. Reads and converts here;
 * money moves only through LedgerService.
 */
@Injectable()
export class LegacyBalanceService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly rates: ExchangeRatesService,
    private readonly lookups: UserBalanceLookups,
    private readonly db: Db,
    private readonly boundHashes: BoundHashes,
    private readonly gates: LegacyGates,
    private readonly audit: AuditTrail,
  ) {}

  async balanceGet(params: LegacyParams): Promise<BalanceAnswer> {
    this.requireFeature();
    const username = params.nonEmpty('username');
    const found = !storable(username) ? null : await this.lookups.find(username);
    if (!found) throw new LegacyError('user_not_found');
    const { user, spendable } = found;

    // The spec: user_currency=1 wins over currency, and also names the currency in the answer.
    const withCurrency = params.get('user_currency') === '1';
    const requested = withCurrency ? 'USER' : params.nonEmpty('currency');
    const wanted = requested?.toUpperCase() === 'USER' ? (user.currency ?? this.config.defaultCurrency) : requested;
    const { code, rate } = await this.resolveCurrency(wanted);
    const balance = formatFixed(this.toDigits(spendable, rate), this.config.legacy.numberDigits);
    return withCurrency ? { balance, currency: code.toUpperCase() } : { balance };
  }

  /**
   * After the hash guard: the hash's binding, then the request_id rule, then the operator, the
   * user and the amount. The feature toggle does not apply here: the real server gates only
   * user_balance_get with it. `client` is the caller's address, for the log of a refused hash
   * and the audit record, which names the request by `requestId`.
   */
  async balanceUpdate(params: LegacyParams, client: string, requestId: string): Promise<BalanceUpdatedAnswer> {
    const hashed = hashedUpdateOf(params);
    const binding = await this.boundHashes.find(hashed);
    // Part of the hash check: a genuine hash re-split over other parameters is no credential.
    if (binding === 'other') this.gates.refuseBoundHash(client);
    const billingRequestId = params.nonEmpty('request_id');
    // After the hash, so a caller without the secret learns nothing from this answer.
    if (billingRequestId === undefined && this.config.legacy.requireRequestId) throw new LegacyError('not_updated');
    const operator = await this.requireOperator(params.nonEmpty('u'));
    // `u` is named by the caller, and the hash does not cover it: the record says so.
    const caller: AuditCaller = { actor: { id: operator.id, username: operator.username, asserted: true }, surface: 'legacy', address: client, requestId };
    const userId = params.nonEmpty('user_id');
    const user = !storable(userId) ? null : await this.users.find(userId);
    if (!user) throw new LegacyError('user_not_found');

    const asset = this.config.defaultCurrency;
    const amount = this.parseChange(params.get('balance'));
    // Both end up in bounded places; refuse rather than cut someone's key or name short.
    if ((billingRequestId?.length ?? 0) > 255 || operator.username.length > 255) throw new LegacyError('not_updated');

    const update: BillingUpdate = {
      userId: user.id,
      asset,
      amount,
      operator: operator.username,
      requestId: billingRequestId,
      // Canonical amount, so a retry that writes "1.50" for "1.5" is still the same request.
      requestHash: createHash('sha256').update(`${user.id}\n${formatAmount(amount, this.assets.get(asset).scale)}`).digest('hex'),
    };
    await this.postBound(update, hashed, binding, client, caller);
    return { username: user.username, id: user.id, balance: await this.formatSystemBalance(user) };
  }

  /**
   * Posts the update and binds its hash in one transaction: both commit or neither does. When a
   * racing request committed first with this hash or this request_id, the binding, read again,
   * says whether this one is a re-split (refused) or the same request (run again: the ledger
   * replays a request_id, and without one M2 applies it again).
   */
  private async postBound(update: BillingUpdate, hashed: HashedRequest, binding: HashBinding, client: string, caller: AuditCaller): Promise<void> {
    const post = async (bind: HashBinding) => {
      try {
        await this.db.transaction(async (tx) => {
          const result = await postBillingUpdate(this.ledger, tx, update);
          const change = postingChange(this.assets, 'balance.legacy_update', result, update.userId, update.asset, update.amount);
          if (change) await this.audit.record(tx, caller, change);
          if (bind === 'unbound') await this.boundHashes.bind(tx, hashed);
        });
      } catch (error) {
        // Insufficient funds, a request_id reused for another payload, a refused amount: the
        // ledger wrote nothing, and the legacy API has one answer for all of them.
        throw error instanceof DomainError ? new LegacyError('not_updated') : error;
      }
    };
    const afterLostRace = async () => {
      const now = await this.boundHashes.find(hashed);
      if (now === 'other') this.gates.refuseBoundHash(client);
      await post(now);
    };
    await answerTakenKey(() => post(binding), afterLostRace, UPDATE_KEYS);
  }

  /**
   * `u` names the operator making the change, as on the real server: it must be the username of
   * a known user with the admin role, else `Bad login` and nothing changes. Gives that user's id and username.
   */
  private async requireOperator(login: string | undefined): Promise<{ id: string; username: string }> {
    const operator = !storable(login) ? null : await this.users.findByUsername(login);
    if (!operator?.username || !operator.roles.includes(OPERATOR_ROLE)) throw new LegacyError('bad_login');
    return { id: operator.id, username: operator.username };
  }

  private requireFeature(): void {
    if (!this.config.legacy.balanceGetEnabled) throw new LegacyError('feature_disabled');
  }

  /** The amount to add, in minor units of the system currency; anything unusable or beyond MAX_AMOUNT is refused. */
  private parseChange(input: string | undefined): bigint {
    try {
      const amount = parseAmount(input, this.assets.get(this.config.defaultCurrency).scale, this.config.limits.maxAmount);
      // Adding zero would change nothing and leave nothing to record against a request_id.
      if (amount === 0n) throw new LegacyError('not_updated');
      return amount;
    } catch (error) {
      if (error instanceof AmountFormatError) throw new LegacyError('not_updated');
      throw error;
    }
  }

  /** The requested currency if it is a known, quoted asset; otherwise the system currency. */
  private async resolveCurrency(wanted: string | undefined): Promise<{ code: string; rate: Ratio }> {
    const system = this.config.defaultCurrency;
    const asset = wanted === undefined ? undefined : this.assets.find(wanted);
    const rate = asset ? await this.rates.rate(system, asset.code) : null;
    return asset && rate ? { code: asset.code, rate } : { code: system, rate: ONE };
  }

  private async spendable(userId: string): Promise<bigint> {
    const { balance, locked } = await this.ledger.balanceOf(userId, this.config.defaultCurrency);
    return balance - locked;
  }

  /**
   * System-currency minor units → LEGACY_NUMBER_DIGITS decimals of the target: the exact value,
   * rounded once, half-up, as the real server prints numbers (docs/legacy-api.md).
   */
  private toDigits(minor: bigint, rate: Ratio): bigint {
    return convertMinorHalfUp(minor, this.assets.get(this.config.defaultCurrency).scale, rate, this.config.legacy.numberDigits);
  }

  private async formatSystemBalance(user: UserRecord): Promise<string> {
    return formatFixed(this.toDigits(await this.spendable(user.id), ONE), this.config.legacy.numberDigits);
  }
}
