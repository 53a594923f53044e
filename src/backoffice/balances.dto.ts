import { ApiPropertyOptional } from '@nestjs/swagger';
import { ASSET_REQUEST } from './api-schemas.js';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';

const MAX_ASSETS = 50;
const MAX_USER_IDS = 2000;

/** One asset code, or a non-empty list of them. */
const IsAssetFilter = () =>
  ValidateBy({
    name: 'isAssetFilter',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'string' && value.length > 0 && value.length <= 16) ||
        (Array.isArray(value) && value.length > 0 && value.length <= MAX_ASSETS && value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 16)),
      defaultMessage: () => `asset must be an asset code or a non-empty array of at most ${MAX_ASSETS} asset codes`,
    },
  });

export class BalancesRequestDto {
  @ApiPropertyOptional({
    description: 'One asset code or a list of them; absent means every asset',
    oneOf: [
      { type: 'string', pattern: ASSET_REQUEST, minLength: 1, maxLength: 16 },
      { type: 'array', minItems: 1, maxItems: MAX_ASSETS, items: { type: 'string', pattern: ASSET_REQUEST, minLength: 1, maxLength: 16 } },
    ],
    example: 'usdt',
  })
  @IsOptional()
  @IsAssetFilter()
  asset?: string | string[];

  @ApiPropertyOptional({
    description: `Users to report, in this order (at most ${MAX_USER_IDS}); absent means every user`,
    type: 'array',
    maxItems: MAX_USER_IDS,
    items: { type: 'string', maxLength: 128 },
    example: ['d3e84bed-94bb-59c1-bbf1-fcfea251e84b', '5122444f-2658-fb8f-8863-16fdf0a2028b'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_USER_IDS)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  userIds?: string[];
}

export const USER_BALANCE_EXAMPLE = [
  { asset: 'btc', balance: 10 },
  { asset: 'eth', balance: 300 },
];

export const BALANCES_EXAMPLE = {
  filters: { userIds: ['d3e84bed-94bb-59c1-bbf1-fcfea251e84b', '9a0b7c4e-1f2d-4e3a-8b5c-6d7e8f9a0b1c', '5122444f-2658-fb8f-8863-16fdf0a2028b'] },
  paging: { page: 1, per_page: 20, total: 3 },
  data: [
    {
      userName: 'volgen',
      userId: 'd3e84bed-94bb-59c1-bbf1-fcfea251e84b',
      userEmail: 'volgen@mailinator.com',
      userRoles: ['Bot'],
      balances: [
        { asset: 'btc', amount: '1.5', locked: '0.5', fundsInRootAsset: '97500' },
        { asset: 'xmr', amount: '10', locked: '0' },
      ],
      rootAsset: 'usd',
    },
    {
      userName: 'marta',
      userId: '9a0b7c4e-1f2d-4e3a-8b5c-6d7e8f9a0b1c',
      userEmail: 'marta@example.com',
      userRoles: [],
      balances: [
        { asset: 'btc', amount: '0.01', locked: '0', fundsInRootAsset: '650' },
        { asset: 'usd', amount: '20.5', locked: '0', fundsInRootAsset: '20.5' },
      ],
      totalFundsInRootAsset: '670.5',
      rootAsset: 'usd',
    },
    { userId: '5122444f-2658-fb8f-8863-16fdf0a2028b', error: 'User with id:5122444f-2658-fb8f-8863-16fdf0a2028b not found.' },
  ],
};
