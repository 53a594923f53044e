import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { USER_ENTRY_TYPES } from '../ledger/ledger.types.js';
import { PagedTimeRangeQueryDto } from './time-range.dto.js';
import { ASSET_REQUEST } from './api-schemas.js';

export class TransactionsQueryDto extends PagedTimeRangeQueryDto {
  @ApiPropertyOptional({ description: 'Only this asset (case-insensitive; an unknown one is a 400)', pattern: ASSET_REQUEST, maxLength: 16, example: 'rents' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  asset?: string;

  @ApiPropertyOptional({ description: 'Only this entry type', enum: USER_ENTRY_TYPES, example: 'mining' })
  @IsOptional()
  @IsIn(USER_ENTRY_TYPES, { message: `type must be one of ${USER_ENTRY_TYPES.join(', ')}` })
  type?: string;

  @ApiPropertyOptional({ description: 'Only this action (adjustment, donation, dailyLogin, holdCapture, …)', maxLength: 64, example: 'adjustment' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
}

export const TRANSACTIONS_EXAMPLE = {
  filters: { asset: 'usd', action: 'adjustment' },
  paging: { page: 1, per_page: 20, total: 1 },
  data: [
    {
      entryId: '42',
      transactionId: '17',
      asset: 'usd',
      amount: '-12.5',
      balanceAfter: '87.5',
      type: 'spending',
      action: 'adjustment',
      kind: 'adjustment',
      metadata: { comment: 'Refund reversed', admin: 'ops-1' },
      createdAt: '2025-03-01T12:00:00.000Z',
    },
  ],
};

/** GET /transactions: the same entries, each naming its user. */
export const ALL_TRANSACTIONS_EXAMPLE = {
  ...TRANSACTIONS_EXAMPLE,
  data: TRANSACTIONS_EXAMPLE.data.map((entry) => ({ ...entry, userId: '68e057fe-0aec-03db-20f8-5f811abf7da6' })),
};
