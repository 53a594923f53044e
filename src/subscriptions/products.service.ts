import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { invalid, notFound } from '../common/errors.js';
import { parseAmount } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { isPlan, PLANS, type Plan } from './plans.js';
import { ProductsRepository, type StoredProduct } from './products.repository.js';

export interface ProductOption {
  readonly plan: Plan;
  /** Price in TOKEN_ASSET minor units. */
  readonly price: bigint;
}

export interface Product {
  readonly productType: string;
  readonly productId: string;
  readonly ownerId: string | null;
  readonly options: readonly ProductOption[];
}

/** Rooms and style assets that can be subscribed to, with the plans each offers. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly assets: AssetRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(productType: string, productId: string): Promise<Product> {
    const product = await this.find(productType, productId);
    if (!product) throw notFound(`Product ${productType}/${productId} not found`);
    return product;
  }

  async find(productType: string, productId: string): Promise<Product | null> {
    const product = await this.products.find(productType, productId);
    return product ? this.toProduct(product) : null;
  }

  /** Every product and its plans, by type then id. */
  async list(): Promise<Product[]> {
    return (await this.products.list()).map((p) => this.toProduct(p));
  }

  private toProduct(product: StoredProduct): Product {
    const scale = this.assets.get(this.config.tokenAsset).scale;
    const options = product.options
      .map((r) => ({ plan: r.plan as Plan, price: parseAmount(r.price, scale) }))
      .sort((a, b) => PLANS.indexOf(a.plan) - PLANS.indexOf(b.plan));
    return { productType: product.productType, productId: product.productId, ownerId: product.ownerId, options };
  }

  /** Creates or replaces a product and its plans (prices as decimal strings in TOKEN_ASSET). */
  async put(productType: string, productId: string, ownerId: string | null, options: ReadonlyArray<{ plan: string; price: unknown }>): Promise<Product> {
    const token = this.config.tokenAsset;
    const parsed = options.map((o, i) => {
      if (!isPlan(o.plan)) throw invalid(`options[${i}].plan must be one of ${PLANS.join(', ')}`);
      const price = this.assets.parse(token, o.price, `options[${i}].price`);
      if (price < 0n) throw invalid(`options[${i}].price must not be negative`);
      if (o.plan === 'free' && price !== 0n) throw invalid(`options[${i}].price of the free plan must be 0`);
      // A paid plan at 0 would be free under another name, and its renewals would charge nothing.
      if (o.plan !== 'free' && price === 0n) throw invalid(`options[${i}].price of a paid plan must be greater than 0 (offer the free plan instead)`);
      return { plan: o.plan, price };
    });
    if (new Set(parsed.map((o) => o.plan)).size !== parsed.length) throw invalid('options must not repeat a plan');
    const stored = parsed.map((o) => ({ plan: o.plan, price: this.assets.format(token, o.price) }));
    await this.products.save(productType, productId, { ownerId, options: stored }, this.clock.now());
    return this.get(productType, productId);
  }
}
