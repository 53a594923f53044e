import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { UsersService } from '../auth/users.service.js';
import { forbidden, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Network admins act only on users of their own network (CONTRACT §10). A caller's network is
 * its token's `network` claim; a target's is the claim it last authenticated with (stored by
 * UsersService.upsert); either without one is in NETWORK_ID. Both sides are resolved the same
 * way at the same moment, so changing NETWORK_ID moves claimless callers and users together.
 */
@Injectable()
export class NetworkScope {
  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Refuses (403) a network-admin acting on another network's user; an unknown user is 404.
   * An `admin` is global on every surface, as on the backoffice (REST) where it could do the
   * same anyway; acting on oneself needs no check.
   */
  async requireReach(actor: Principal, userId: string): Promise<void> {
    if (userId === actor.id || actor.roles.includes('admin')) return;
    const target = await this.users.find(userId);
    if (!target) throw notFound(`User ${userId} not found`);
    if (this.networkOf(target.network) !== this.networkOf(actor.network)) {
      throw forbidden(`User ${userId} is not in your network`);
    }
  }

  private networkOf(claim: string | null | undefined): string {
    return claim ?? this.config.networkId;
  }
}
