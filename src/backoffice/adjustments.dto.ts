import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsAmount } from '../common/is-amount.decorator.js';
import { BALANCE_EXAMPLE } from './account-view.js';

export class AdjustmentDto {
  @ApiProperty({ description: 'Asset code', example: 'usd' })
  @IsString()
  @MaxLength(16)
  asset: string;

  @ApiProperty({
    description: 'Signed amount: positive credits, negative withdraws (never below zero). A decimal string is exact; a JSON number is accepted too.',
    oneOf: [{ type: 'string' }, { type: 'number' }],
    example: '0.3',
  })
  @IsAmount()
  amount: string | number;

  @ApiProperty({ description: 'Why; kept with the transaction', example: 'Goodwill credit for ticket #4711' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  comment: string;
}

export const ADJUSTMENT_EXAMPLE = {
  transactionId: '17',
  userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
  action: 'adjustment',
  asset: 'usd',
  amount: '0.3',
  comment: 'Goodwill credit for ticket #4711',
  balance: BALANCE_EXAMPLE,
};
