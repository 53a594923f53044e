import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PagingQueryDto } from './paging.js';
import { INSTANT_FORMS, IsInstant } from './request-values.js';

/** A paged list between two instants: `from` inclusive, `to` exclusive. */
export class PagedTimeRangeQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'From this instant, inclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400', anyOf: INSTANT_FORMS, example: '2025-01-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant, exclusive: ISO 8601 (UTC when no zone) or epoch milliseconds; a day the month does not have is a 400', anyOf: INSTANT_FORMS, example: '1767225600000' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
