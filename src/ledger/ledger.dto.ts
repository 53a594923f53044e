import { IsString, Matches } from 'class-validator';
import { USER_ID_PATTERN } from '../auth/user-id.js';
import { IsAmount } from '../common/is-amount.decorator.js';

export class DonateTokenDto {
  @IsString({ message: 'targetUser must be a string' })
  @Matches(USER_ID_PATTERN, { message: 'targetUser must be a user id' })
  targetUser!: string;

  @IsAmount()
  token!: number | string;
}

export class AddUserBalanceDto {
  @IsString({ message: 'targetUser must be a string' })
  @Matches(USER_ID_PATTERN, { message: 'targetUser must be a user id' })
  targetUser!: string;

  @IsAmount()
  amount!: number | string;
}
