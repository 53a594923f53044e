import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** No JWT needed (health, metrics, the legacy API with its own hash guard). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller's token must carry every one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated caller of a REST handler. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ user: Principal }>().user;
});
