import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ASSET_REQUEST, USER_ID } from './api-schemas.js';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.js';

const instant = (description: string, example: string) =>
  ApiPropertyOptional({ description: `${description}: an RFC 3339 date-time with its zone offset (\`Z\` or \`±hh:mm\`)`, format: 'date-time', maxLength: 40, example });

export class ExportQueryDto {
  @ApiPropertyOptional({ description: 'The file format (absent: csv)', enum: EXPORT_FORMATS, example: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @instant('Transactions created at or after this instant (inclusive)', '2026-11-01T00:00:00Z')
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @instant('Transactions created before this instant (exclusive)', '2026-12-01T00:00:00+02:00')
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ description: "Only transactions with an entry on this user's accounts (unknown user: 404)", pattern: USER_ID, maxLength: 128, example: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b' })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(USER_ID), { message: 'userId must be a user id: 1 to 128 letters, digits, ".", "_", ":" or "-"' })
  userId?: string;

  @ApiPropertyOptional({ description: 'Only transactions with an entry in this asset (case-insensitive; unknown: 400)', pattern: ASSET_REQUEST, maxLength: 16, example: 'usd' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  asset?: string;

  @ApiPropertyOptional({
    description: 'Resume a broken download: only transactions after this one (the last `transaction_id` received whole). An id no transaction has is a 404.',
    pattern: '^[1-9][0-9]{0,17}$',
    maxLength: 18,
    example: '17',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'after must be a transaction id (a positive integer)' })
  after?: string;
}
