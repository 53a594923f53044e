import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { USER_EXAMPLE } from './backoffice-users.js';
import { PagingQueryDto } from './paging.js';

export class UsersQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive substring of the username or email', maxLength: 320, example: 'mailinator' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  search?: string;
}

export const USERS_PAGE_EXAMPLE = {
  filters: { search: 'mailinator' },
  paging: { page: 1, per_page: 20, total: 1 },
  data: [USER_EXAMPLE],
};
