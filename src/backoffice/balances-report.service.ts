import { Injectable } from '@nestjs/common';
import { UsersService, type UserRecord } from '../auth/users.service.js';
import { formatAmount } from '../common/money.js';
import { ExchangeRatesService, type RootConversion } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { AccountState } from '../ledger/ledger.types.js';
import type { BalancesRequestDto } from './balances.dto.js';
import { userNotFoundMessage } from './backoffice-users.js';
import { pagingView, type Paging } from './paging.js';
import { bodyAsset } from './request-values.js';

/**
 * POST /balances. Built from a fixed number of queries whatever the page holds (the users,
 * their accounts, the quotes), so a page of 100 users costs the same three round trips as one.
 */
@Injectable()
export class BalancesReportService {
  constructor(
    private readonly users: UsersService,
    private readonly ledger: LedgerService,
    private readonly rates: ExchangeRatesService,
    private readonly assets: AssetRegistry,
  ) {}

  async report(request: BalancesRequestDto, paging: Paging) {
    const wanted = request.asset === undefined ? null : [...new Set([request.asset].flat().map((code) => bodyAsset(this.assets, code)))];
    const { total, ids, found } = await this.pageOfUsers(request.userIds, paging);
    const [accounts, conversion] = await Promise.all([this.ledger.accountsOf([...found.keys()]), this.rates.rootConversion()]);
    const byOwner = new Map<string, AccountState[]>();
    for (const account of accounts) {
      const list = byOwner.get(account.ownerId);
      if (list) list.push(account);
      else byOwner.set(account.ownerId, [account]);
    }

    const data = ids.map((userId) => {
      const user = found.get(userId);
      if (!user) return { userId, error: userNotFoundMessage(userId) };
      return this.row(user, this.select(byOwner.get(userId) ?? [], userId, wanted), conversion, wanted !== null);
    });
    const filters = { ...(request.userIds ? { userIds: request.userIds } : {}), ...(request.asset !== undefined ? { asset: request.asset } : {}) };
    return { filters, paging: pagingView(paging, total), data };
  }

  private async pageOfUsers(userIds: string[] | undefined, paging: Paging) {
    if (userIds) {
      const ids = userIds.slice(paging.offset, paging.offset + paging.per_page);
      return { total: userIds.length, ids, found: await this.users.findMany(ids) };
    }
    const page = await this.users.page({ offset: paging.offset, limit: paging.per_page });
    return { total: page.total, ids: page.users.map((u) => u.id), found: new Map(page.users.map((u) => [u.id, u])) };
  }

  /** The user's accounts, or with an asset filter every requested asset (zero where none). */
  private select(accounts: AccountState[], userId: string, wanted: string[] | null) {
    if (!wanted) return accounts;
    return wanted.map((asset) => accounts.find((a) => a.asset === asset) ?? { id: 0, ownerId: userId, asset, balance: 0n, locked: 0n, seq: 0 });
  }

  private row(user: UserRecord, accounts: readonly AccountState[], conversion: RootConversion, filtered: boolean) {
    // The total exists only when every listed asset converts, and never for a filtered view.
    let total: bigint | null = filtered ? null : 0n;
    const balances = [];
    for (const a of accounts) {
      const scale = this.assets.get(a.asset).scale;
      const inRoot = conversion.toRoot(a.asset, a.balance);
      total = inRoot === null || total === null ? null : total + inRoot;
      balances.push({
        asset: a.asset,
        amount: formatAmount(a.balance, scale),
        locked: formatAmount(a.locked, scale),
        ...(inRoot === null ? {} : { fundsInRootAsset: conversion.format(inRoot) }),
      });
    }
    return {
      userName: user.username,
      userId: user.id,
      userEmail: user.email,
      userRoles: user.roles,
      balances,
      ...(total === null ? {} : { totalFundsInRootAsset: conversion.format(total) }),
      rootAsset: conversion.rootAsset,
    };
  }
}
