import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { USER_ID_PATTERN } from '../auth/user-id.js';

const id = (field: string) => [IsString({ message: `${field} must be a string` }), Length(1, 128, { message: `${field} must be 1 to 128 characters` })];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

export class GetProductSubscriptionOptionsDto {
  @apply(id('productType')) productType!: string;
  @apply(id('productId')) productId!: string;

  @IsOptional()
  @IsString({ message: 'currency must be a string' })
  @Length(1, 16, { message: 'currency must be 1 to 16 characters' })
  currency?: string;
}

export class CreateRoomSubscriptionDto {
  @apply(id('roomId')) roomId!: string;

  @IsString({ message: 'subscriptionPlan must be a string' })
  @Length(1, 32, { message: 'subscriptionPlan must be 1 to 32 characters' })
  subscriptionPlan!: string;

  @IsOptional()
  @IsString({ message: 'walletAddress must be a string' })
  @Length(1, 255, { message: 'walletAddress must be 1 to 255 characters' })
  walletAddress?: string;

  @IsOptional()
  @IsString({ message: 'currency must be a string' })
  @Length(1, 16, { message: 'currency must be 1 to 16 characters' })
  currency?: string;
}

/** The spec lists the create fields here too; only roomId (and targetUser) matter for expiry. */
export class ExpireRoomSubscriptionDto {
  @apply(id('roomId')) roomId!: string;

  @IsOptional()
  @IsString({ message: 'targetUser must be a string' })
  @Matches(USER_ID_PATTERN, { message: 'targetUser must be a user id' })
  targetUser?: string;

  @IsOptional() @IsString() subscriptionPlan?: string;
  @IsOptional() @IsString() walletAddress?: string;
  @IsOptional() @IsString() currency?: string;
}
