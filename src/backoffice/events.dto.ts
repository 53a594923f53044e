import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT } from '../ledger/events/events-feed.js';

export class EventsQueryDto {
  @ApiPropertyOptional({
    description: "The last event id already read (the previous page's `next`); absent: from the oldest event kept. Below the highest purged id: 410.",
    pattern: '^(0|[1-9][0-9]{0,18})$',
    maxLength: 19,
    example: '42',
  })
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,18})$/, { message: 'after must be an event id (a decimal string)' })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', description: `Events per page, 1–${FEED_MAX_LIMIT} (default ${FEED_DEFAULT_LIMIT})`, minimum: 1, maximum: FEED_MAX_LIMIT, example: FEED_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(FEED_MAX_LIMIT, { message: `limit must not be greater than ${FEED_MAX_LIMIT}` })
  limit?: number;
}

export const EVENTS_PAGE_EXAMPLE = {
  events: [
    {
      id: '42',
      type: 'transaction.committed',
      schemaVersion: 1,
      createdAt: '2026-11-30T12:00:00.000Z',
      transactionId: '17',
      kind: 'donation',
      action: 'donation',
      entries: [
        { userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b', account: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b', asset: 'rents', amount: '-5', type: 'spending', action: 'donation', balanceAfter: '95' },
        { userId: '68e057fe-0aec-03db-20f8-5f811abf7da6', account: '68e057fe-0aec-03db-20f8-5f811abf7da6', asset: 'rents', amount: '5', type: 'mining', action: 'donation', balanceAfter: '5' },
      ],
    },
    { id: '43', type: 'user.frozen', schemaVersion: 1, createdAt: '2026-11-30T12:00:01.000Z', userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b', scope: 'debits', reason: 'Chargeback investigation #5521' },
  ],
  next: '43',
};
