import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Keeps OFFSET inside a 64-bit integer however large the page asked for. */
const MAX_PAGE = 1_000_000_000;

/**
 * `page` and `per_page` as the spec names them; `Page` and `PerPage` are accepted too because
 * existing backoffice clients send those. Declared explicitly so the global pipe, which refuses
 * unknown query parameters, lets them through and validates them.
 */
export class PagingQueryDto {
  @ApiPropertyOptional({ type: 'integer', description: 'Page number, from 1', example: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(MAX_PAGE, { message: `page must not be greater than ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ type: 'integer', description: `Items per page, 1–${MAX_PER_PAGE} (default ${DEFAULT_PER_PAGE}); more is a 400`, example: 20, minimum: 1, maximum: MAX_PER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'per_page must be a whole number' })
  @Min(1, { message: 'per_page must be at least 1' })
  @Max(MAX_PER_PAGE, { message: `per_page must not be greater than ${MAX_PER_PAGE}` })
  per_page?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Alias of page', example: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Page must be a whole number' })
  @Min(1, { message: 'Page must be at least 1' })
  @Max(MAX_PAGE, { message: `Page must not be greater than ${MAX_PAGE}` })
  Page?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'Alias of per_page', example: 20, minimum: 1, maximum: MAX_PER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'PerPage must be a whole number' })
  @Min(1, { message: 'PerPage must be at least 1' })
  @Max(MAX_PER_PAGE, { message: `PerPage must not be greater than ${MAX_PER_PAGE}` })
  PerPage?: number;
}

export interface Paging {
  readonly page: number;
  readonly per_page: number;
  readonly offset: number;
}

export function pagingOf(query: PagingQueryDto): Paging {
  const page = query.page ?? query.Page ?? 1;
  const perPage = query.per_page ?? query.PerPage ?? DEFAULT_PER_PAGE;
  return { page, per_page: perPage, offset: (page - 1) * perPage };
}

/** The `paging` object of a paged answer. */
export const pagingView = (paging: Paging, total: number) => ({ page: paging.page, per_page: paging.per_page, total });
