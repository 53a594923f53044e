import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsAmount } from '../common/is-amount.decorator.js';
import { PLANS } from '../subscriptions/plans.js';
import { PRODUCT_OPTIONS_REQUEST } from './api-schemas.js';

const OWNER_ID = /^(?!system:)[A-Za-z0-9._:-]{1,128}$/;

/** One plan of a product; its schema is PRODUCT_OPTIONS_REQUEST's items (the free plan at 0 needs a oneOf). */
export class ProductOptionDto {
  @IsIn(PLANS, { message: `plan must be one of ${PLANS.join(', ')}` })
  plan: string;

  @IsAmount({ message: 'price must be a number or a decimal string' })
  price: string | number;
}

export class ProductDto {
  @ApiPropertyOptional({
    description: 'A known user (one who has called the service), credited with payments; absent: the platform. An unknown user is a 400.',
    pattern: OWNER_ID.source,
    maxLength: 128,
    example: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
  })
  @IsOptional()
  // A user id (as in auth/user-id.ts); never a system account, whose balance rules differ.
  @Matches(OWNER_ID, { message: 'ownerId must be a user id: 1 to 128 letters, digits, ".", "_", ":" or "-"' })
  ownerId?: string;

  @ApiProperty(PRODUCT_OPTIONS_REQUEST as ApiPropertyOptions)
  @IsArray()
  @ArrayMaxSize(PLANS.length)
  @ValidateNested({ each: true })
  @Type(() => ProductOptionDto)
  options: ProductOptionDto[];
}

export const PRODUCT_EXAMPLE = {
  productType: 'room',
  productId: 'demo-room',
  ownerId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
  asset: 'rents',
  options: [
    { plan: 'free', price: '0' },
    { plan: 'subscription_month', price: '15' },
  ],
};
