import { Body, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { UsersService } from '../auth/users.service.js';
import { invalid } from '../common/errors.js';
import { formatAmount, toDecimalString } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { ProductsService, type Product } from '../subscriptions/products.service.js';
import { ApiInvalid, ApiPathParam, BackofficeController } from './api-docs.js';
import { PATH_NAME, ref } from './api-schemas.js';

const PRODUCT_TYPE = { pattern: PATH_NAME, maxLength: 32 };
const PRODUCT_ID = { pattern: PATH_NAME, maxLength: 128 };
import { PRODUCT_EXAMPLE, ProductDto } from './products.dto.js';
import { pathName } from './request-values.js';
import { RestCaller } from './rest-caller.js';

/** Rooms and other subscribable products, with the plans each offers (prices in TOKEN_ASSET). */
@BackofficeController('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly assets: AssetRegistry,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  @Get('products')
  @ApiOperation({
    summary: 'Every product and its plans, by type then id',
    description:
      "Every subscribable product with its owner (credited with payments) and its plans, each priced in TOKEN_ASSET.",
  })
  @ApiOkResponse({ schema: { type: 'array', items: ref('Product') }, example: [PRODUCT_EXAMPLE] })
  async list() {
    return (await this.products.list()).map((p) => this.view(p));
  }

  @Get('products/:productType/:productId')
  @ApiOperation({
    summary: 'A product and its plans',
    description:
      "One product by type and id; an unknown one is 404.",
  })
  @ApiOkResponse({ schema: ref('Product'), example: PRODUCT_EXAMPLE })
  @ApiPathParam('productType', 'room', undefined, PRODUCT_TYPE)
  @ApiPathParam('productId', 'demo-room', undefined, PRODUCT_ID)
  @ApiNotFoundResponse({ description: 'No such product', schema: ref('Error'), example: { statusCode: 404, message: 'Product room/nope not found' } })
  async get(@Param('productType') productType: string, @Param('productId') productId: string) {
    return this.view(await this.products.get(productType, productId));
  }

  @Put('products/:productType/:productId')
  @ApiOperation({
    summary: 'Create or replace a product and its plans',
    description:
      "Stores the product with the plans given, replacing the previous ones: each plan at most once, the free plan at 0 and every other above 0, priced in TOKEN_ASSET. Recorded in the audit trail.",
  })
  @ApiOkResponse({ schema: ref('Product'), example: PRODUCT_EXAMPLE })
  @ApiPathParam('productType', 'room', undefined, PRODUCT_TYPE)
  @ApiPathParam('productId', 'demo-room', undefined, PRODUCT_ID)
  @ApiInvalid('options.0.plan must be one of free, one_time_payment, subscription_week, subscription_month, subscription_6_months, subscription_year')
  async put(@Param('productType') productType: string, @Param('productId') productId: string, @Body() body: ProductDto, @RestCaller() caller: AuditCaller) {
    const options = body.options.map((o) => ({ plan: o.plan, price: toDecimalString(o.price) }));
    // Payments are credited to the owner: one who does not exist would be an account nobody can reach.
    if (body.ownerId !== undefined && !(await this.users.find(body.ownerId))) throw invalid(`ownerId must be a known user; "${body.ownerId}" is not`);
    const [type, id] = [pathName(productType, 'productType', 32), pathName(productId, 'productId', 128)];
    return this.db.transaction(async (tx) => {
      const before = await this.products.find(type, id);
      const after = this.view(await this.products.put(type, id, body.ownerId ?? null, options));
      await this.audit.record(tx, caller, { action: 'product.put', target: `product:${type}/${id}`, before: before ? this.view(before) : undefined, after });
      return after;
    });
  }

  private view(product: Product) {
    const asset = this.config.tokenAsset;
    const { scale } = this.assets.get(asset);
    const options = product.options.map((o) => ({ plan: o.plan, price: formatAmount(o.price, scale) }));
    return { productType: product.productType, productId: product.productId, ownerId: product.ownerId, asset, options };
  }
}
