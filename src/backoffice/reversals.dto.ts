import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAmount } from '../common/is-amount.decorator.js';
import { requestAmount } from './api-schemas.js';

export class ReversalDto {
  @ApiProperty({ description: 'Why; kept with the reversal', minLength: 1, maxLength: 1000, example: 'Duplicate charge, ticket #4712' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  comment!: string;

  @ApiPropertyOptional(
    requestAmount({
      description:
        "How much to reverse, in the transaction's asset; only for a transaction with one debited and one credited entry. Absent: all that remains unreversed.",
      example: '2.5',
    }),
  )
  @IsOptional()
  @IsAmount()
  amount?: string | number;
}

export const REVERSAL_EXAMPLE = { transactionId: '18', reverses: '17' };
