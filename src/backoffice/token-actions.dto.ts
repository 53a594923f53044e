import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsAmount } from '../common/is-amount.decorator.js';
import { TOKEN_ACTION_CATEGORIES, TOKEN_ACTION_TYPES, type TokenActionType } from '../token-actions/token-action.js';
import { BALANCE_EXAMPLE } from './account-view.js';
import { requestAmount } from './api-schemas.js';

export class TokenActionDto {
  @ApiProperty({ enum: TOKEN_ACTION_TYPES, description: 'mining credits the user, spending debits, buying credits (payment taken elsewhere)', example: 'mining' })
  @IsIn(TOKEN_ACTION_TYPES, { message: `type must be one of ${TOKEN_ACTION_TYPES.join(', ')}` })
  type: TokenActionType;

  @ApiProperty(requestAmount({ form: 'zeroOrMore', description: 'TOKEN_ASSET amount the action moves, ≥ 0 (an action of 0 cannot be applied).', example: '10' }))
  @IsAmount()
  token: string | number;

  @ApiProperty(requestAmount({ form: 'zeroOrMore', description: 'Price in the root asset, ≥ 0.', example: '0.99' }))
  @IsAmount()
  price: string | number;

  @ApiProperty({ enum: TOKEN_ACTION_CATEGORIES, example: 'event' })
  @IsIn(TOKEN_ACTION_CATEGORIES, { message: `category must be one of ${TOKEN_ACTION_CATEGORIES.join(', ')}` })
  category: string;

  @ApiProperty({ maxLength: 1000, example: 'Logged in today' })
  @IsString()
  @MaxLength(1000)
  description: string;
}

export const TOKEN_ACTION_EXAMPLE = { action: 'dailyLogin', type: 'mining', token: '10', price: '0', category: 'event', description: 'Logged in today' };

export const APPLIED_EXAMPLE = {
  transactionId: '18',
  userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
  action: 'dailyLogin',
  type: 'mining',
  asset: 'rents',
  amount: '10',
  balance: { ...BALANCE_EXAMPLE, asset: 'rents', amount: '110', locked: '0', available: '110' },
};
