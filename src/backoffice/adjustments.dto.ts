import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsAmount } from '../common/is-amount.decorator.js';
import { BALANCE_EXAMPLE } from './account-view.js';
import { ASSET_REQUEST, requestAmount } from './api-schemas.js';

export class AdjustmentDto {
  @ApiProperty({ description: 'Asset code, case-insensitive (rents, roomi, valu, usd, eur, btc, eth, usdt, xmr by default); an unknown one is a 400', pattern: ASSET_REQUEST, minLength: 1, maxLength: 16, example: 'usd' })
  @IsString()
  @MaxLength(16)
  asset: string;

  @ApiProperty(requestAmount({ form: 'signed', description: 'Signed amount, not 0: positive credits, negative withdraws (never below zero).', example: '0.3' }))
  @IsAmount()
  amount: string | number;

  @ApiProperty({ description: 'Why; kept with the transaction', minLength: 1, maxLength: 1000, example: 'Goodwill credit for ticket #4711' })
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
