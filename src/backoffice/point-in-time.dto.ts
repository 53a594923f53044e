import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class BalancesAtQueryDto {
  @ApiPropertyOptional({
    description: "An RFC 3339 date-time with its zone offset (`Z` or `±hh:mm`); not later than the service's clock. Absent: now.",
    format: 'date-time',
    maxLength: 40,
    example: '2026-11-30T23:59:59Z',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  at?: string;
}

export const TRANSACTION_EXAMPLE = {
  transactionId: '17',
  createdAt: '2026-11-30T12:00:00.000Z',
  kind: 'donation',
  action: 'donation',
  reversedBy: [],
  entries: [
    { userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b', account: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b', asset: 'rents', amount: '-5', type: 'spending', action: 'donation', balanceAfter: '95' },
    { userId: '68e057fe-0aec-03db-20f8-5f811abf7da6', account: '68e057fe-0aec-03db-20f8-5f811abf7da6', asset: 'rents', amount: '5', type: 'mining', action: 'donation', balanceAfter: '5' },
  ],
};

export const BALANCES_AT_EXAMPLE = {
  userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
  at: '2026-11-30T23:59:59.000Z',
  balances: [
    { asset: 'rents', amount: '95' },
    { asset: 'usd', amount: '0' },
  ],
};
