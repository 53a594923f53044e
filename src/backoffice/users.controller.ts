import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { UsersService } from '../auth/users.service.js';
import { ApiInvalid, ApiUnknownUser, BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { BackofficeUsers, USER_EXAMPLE, userView } from './backoffice-users.js';
import { pagingOf, pagingView } from './paging.js';
import { USERS_PAGE_EXAMPLE, UsersQueryDto } from './users.dto.js';

/** Users as their tokens last described them (they appear on their first authenticated call). */
@BackofficeController('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly backofficeUsers: BackofficeUsers,
  ) {}

  @Get('users')
  @ApiOperation({
    summary: 'List users, oldest first; search by username or email',
    description:
      "Users appear on their first authenticated call and keep what their last token said (name, email, roles, currency). `search` matches a case-insensitive substring of the username or email. Paged (`page`, `per_page`).",
  })
  @ApiOkResponse({ schema: ref('UsersPage'), example: USERS_PAGE_EXAMPLE })
  @ApiInvalid('per_page must not be greater than 100')
  async list(@Query() query: UsersQueryDto) {
    const paging = pagingOf(query);
    const { total, users } = await this.users.page({ search: query.search, offset: paging.offset, limit: paging.per_page });
    return {
      filters: query.search === undefined ? {} : { search: query.search },
      paging: pagingView(paging, total),
      data: users.map(userView),
    };
  }

  @Get('user/:userId')
  @ApiOperation({
    summary: 'One user',
    description:
      "The user as their last token described them, with their freeze (null when not frozen). An unknown id is 404 with the spec's message.",
  })
  @ApiOkResponse({ schema: ref('User'), example: USER_EXAMPLE })
  @ApiUnknownUser()
  async get(@Param('userId') userId: string) {
    return userView(await this.backofficeUsers.require(userId));
  }
}
