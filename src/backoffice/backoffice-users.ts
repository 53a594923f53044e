import { Injectable } from '@nestjs/common';
import { UsersService, type UserFreeze, type UserRecord } from '../auth/users.service.js';
import { notFound } from '../common/errors.js';

/** The spec's wording, used for every unknown user on every backoffice route. */
export const userNotFoundMessage = (userId: string) => `User with id:${userId} not found.`;

/** A user as the backoffice shows it, with the spec's field names. */
export function userView(user: UserRecord) {
  return {
    userName: user.username,
    userId: user.id,
    userEmail: user.email,
    userRoles: user.roles,
    currency: user.currency,
    createdAt: new Date(user.createdAt).toISOString(),
    updatedAt: new Date(user.updatedAt).toISOString(),
    frozen: freezeView(user.frozen),
  };
}

/** A freeze as the backoffice shows it (null: not frozen). */
export function freezeView(freeze: UserFreeze | null) {
  return freeze ? { scope: freeze.scope, reason: freeze.reason, since: new Date(freeze.since).toISOString(), by: freeze.by } : null;
}

export const USER_EXAMPLE = {
  userName: 'volgen',
  userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
  userEmail: 'volgen@mailinator.com',
  userRoles: ['Bot'],
  currency: 'usd',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
  frozen: null,
};

/** Finds the user a `/user/{userId}/…` route names, or answers 404 with the spec's message. */
@Injectable()
export class BackofficeUsers {
  constructor(private readonly users: UsersService) {}

  async require(userId: string): Promise<UserRecord> {
    const user = await this.users.find(userId);
    if (!user) throw notFound(userNotFoundMessage(userId));
    return user;
  }
}
