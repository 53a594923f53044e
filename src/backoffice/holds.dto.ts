import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAmount } from '../common/is-amount.decorator.js';
import { INSTANT_FORMS, IsInstant } from './request-values.js';
import { ASSET_REQUEST, requestAmount } from './api-schemas.js';


export class PlaceHoldDto {
  @ApiProperty({ description: 'Asset code, case-insensitive (rents, roomi, valu, usd, eur, btc, eth, usdt, xmr by default); an unknown one is a 400', pattern: ASSET_REQUEST, minLength: 1, maxLength: 16, example: 'rents' })
  @IsString()
  @MaxLength(16)
  asset: string;

  @ApiProperty(requestAmount({ description: 'Amount to reserve, > 0, at most what is available.', example: '25.5' }))
  @IsAmount()
  amount: string | number;

  @ApiProperty({ description: 'Why the funds are held', minLength: 1, maxLength: 255, example: 'Order 8812 pending settlement' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  reason: string;

  @ApiPropertyOptional({
    description: 'When the hold is released by itself: ISO 8601 (UTC when no zone) or epoch milliseconds; must be in the future, on a day the month has',
    anyOf: [...INSTANT_FORMS, { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }],
    example: '2030-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: string | number;
}

export class CaptureHoldDto {
  @ApiPropertyOptional(requestAmount({ description: 'Capture only this much (> 0, at most the held amount); the rest is released. Absent: all of it.', example: '10' }))
  @IsOptional()
  @IsAmount()
  amount?: string | number;
}

export class HoldsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'captured', 'released', 'expired'], description: 'Only holds in this status; another value is a 400', example: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'captured', 'released', 'expired'], { message: 'status must be one of pending, captured, released, expired' })
  status?: 'pending' | 'captured' | 'released' | 'expired';
}

export const HOLD_EXAMPLE = {
  holdId: '0b6f6c1e-5d43-4e0b-9a3e-4f1f5c7f2a10',
  userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
  asset: 'rents',
  amount: '25.5',
  captured: null,
  status: 'pending',
  reason: 'Order 8812 pending settlement',
  expiresAt: '2030-01-01T00:00:00.000Z',
  createdAt: '2025-03-01T12:00:00.000Z',
  endedAt: null,
};
