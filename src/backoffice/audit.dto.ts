import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PagedTimeRangeQueryDto } from './time-range.dto.js';

export class AuditQueryDto extends PagedTimeRangeQueryDto {
  @ApiPropertyOptional({ description: "Only this actor's records (their user id)", maxLength: 128, example: 'ops-1' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  actor?: string;

  @ApiPropertyOptional({ description: 'Only this action', maxLength: 64, example: 'balance.adjust' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ description: 'Only this target, exactly (`user:<id>`, `hold:<id>`, `exchange_rate:<asset>`, …)', maxLength: 300, example: 'user:68e057fe-0aec-03db-20f8-5f811abf7da6' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  target?: string;
}

export const AUDIT_RECORD_EXAMPLE = {
  id: '42',
  at: '2025-03-01T12:00:00.000Z',
  actor: { id: 'ops-1', username: 'ops' },
  surface: 'rest',
  address: '203.0.113.7',
  action: 'balance.adjust',
  target: 'user:68e057fe-0aec-03db-20f8-5f811abf7da6',
  requestId: '5f0c6a52-0b2c-4d8e-a0f4-1b7f5f3b2c11',
  before: { asset: 'usd', balance: '10', locked: '0' },
  after: { asset: 'usd', balance: '22.5', locked: '0', transactionId: '17' },
  hash: '9f2c1d0e5b7a4c3e8d6f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d',
};

export const AUDIT_PAGE_EXAMPLE = {
  filters: { action: 'balance.adjust' },
  paging: { page: 1, per_page: 20, total: 1 },
  data: [AUDIT_RECORD_EXAMPLE],
};
