import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AmountFormatError, convertMinorHalfUp, formatAmount, formatFixed, parseAmount, type Ratio } from '../common/money.js';
import { DomainError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UsersService, type UserRecord } from '../auth/users.service.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { LegacyError } from './legacy-error.js';
import type { LegacyParams } from './legacy-params.js';
import { postBillingUpdate } from './billing-update.js';
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

  /** The feature toggle does not apply here: the real server gates only user_balance_get with it. */
  async balanceUpdate(params: LegacyParams): Promise<BalanceUpdatedAnswer> {
    const operator = await this.requireOperator(params.nonEmpty('u'));
    const userId = params.nonEmpty('user_id');
    const user = !storable(userId) ? null : await this.users.find(userId);
    if (!user) throw new LegacyError('user_not_found');

    const asset = this.config.defaultCurrency;
    const amount = this.parseChange(params.get('balance'));
    const requestId = params.nonEmpty('request_id');
    // Both end up in bounded places; refuse rather than cut someone's key or name short.
    if ((requestId?.length ?? 0) > 255 || operator.length > 255) throw new LegacyError('not_updated');

    try {
      await postBillingUpdate(this.ledger, {
        userId: user.id,
        asset,
        amount,
        operator,
        requestId,
        // Canonical amount, so a retry that writes "1.50" for "1.5" is still the same request.
        requestHash: createHash('sha256').update(`${user.id}\n${formatAmount(amount, this.assets.get(asset).scale)}`).digest('hex'),
      });
    } catch (error) {
      // Insufficient funds, a request_id reused for another payload, a refused amount: the
      // ledger wrote nothing, and the legacy API has one answer for all of them.
      if (error instanceof DomainError) throw new LegacyError('not_updated');
      throw error;
    }
    return { username: user.username, id: user.id, balance: await this.formatSystemBalance(user) };
  }

  /**
   * `u` names the operator making the change, as on the real server: it must be the username of
   * a known user with the admin role, else `Bad login` and nothing changes. Gives that username.
   */
  private async requireOperator(login: string | undefined): Promise<string> {
    const operator = !storable(login) ? null : await this.users.findByUsername(login);
    if (!operator?.username || !operator.roles.includes(OPERATOR_ROLE)) throw new LegacyError('bad_login');
    return operator.username;
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
   * rounded once, half-up, as the real server prints numbers (README, Legacy XML billing API).
   */
  private toDigits(minor: bigint, rate: Ratio): bigint {
    return convertMinorHalfUp(minor, this.assets.get(this.config.defaultCurrency).scale, rate, this.config.legacy.numberDigits);
  }

  private async formatSystemBalance(user: UserRecord): Promise<string> {
    return formatFixed(this.toDigits(await this.spendable(user.id), ONE), this.config.legacy.numberDigits);
  }
}
