import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';
import { ASSET_TOTALS_EXAMPLE, AssetTotalsService } from './asset-totals.service.js';

@BackofficeController('assets')
export class AssetTotalsController {
  constructor(private readonly service: AssetTotalsService) {}

  @Get('assets')
  @ApiOperation({
    summary: 'Per asset: what users hold (amount, of which locked), their accounts, the quote and the value in the root asset',
    description:
      'Every known asset, system accounts left out. `fundsInRootAsset` is null for an unquoted asset; `totalFundsInRootAsset` is null ' +
      'when users hold any unquoted asset.',
  })
  @ApiOkResponse({ schema: ref('AssetTotals'), example: ASSET_TOTALS_EXAMPLE })
  totals() {
    return this.service.totals();
  }
}
