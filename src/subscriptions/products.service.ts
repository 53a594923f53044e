import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { invalid, notFound } from '../common/errors.js';
import { parseAmount } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { isPlan, PLANS, type Plan } from './plans.js';

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
    private readonly db: Db,
    private readonly assets: AssetRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(productType: string, productId: string): Promise<Product> {
    const [product] = await this.db.query<{ owner_id: string | null }>(
      'SELECT owner_id FROM products WHERE product_type = ? AND product_id = ?',
      [productType, productId],
    );
    if (!product) throw notFound(`Product ${productType}/${productId} not found`);
    const rows = await this.db.query<{ plan: Plan; price: string }>(
      'SELECT plan, price FROM product_options WHERE product_type = ? AND product_id = ?',
      [productType, productId],
    );
    const scale = this.assets.get(this.config.tokenAsset).scale;
    const options = rows
      .map((r) => ({ plan: r.plan, price: parseAmount(r.price, scale) }))
      .sort((a, b) => PLANS.indexOf(a.plan) - PLANS.indexOf(b.plan));
    return { productType, productId, ownerId: product.owner_id, options };
  }

  /** Every product and its plans, by type then id. */
  async list(): Promise<Product[]> {
    const products = await this.db.query<{ product_type: string; product_id: string; owner_id: string | null }>(
      'SELECT product_type, product_id, owner_id FROM products ORDER BY product_type, product_id',
    );
    const rows = await this.db.query<{ product_type: string; product_id: string; plan: Plan; price: string }>('SELECT product_type, product_id, plan, price FROM product_options');
    const scale = this.assets.get(this.config.tokenAsset).scale;
    return products.map((p) => ({
      productType: p.product_type,
      productId: p.product_id,
      ownerId: p.owner_id,
      options: rows
        .filter((r) => r.product_type === p.product_type && r.product_id === p.product_id)
        .map((r) => ({ plan: r.plan, price: parseAmount(r.price, scale) }))
        .sort((a, b) => PLANS.indexOf(a.plan) - PLANS.indexOf(b.plan)),
    }));
  }

  /** Creates or replaces a product and its plans (prices as decimal strings in TOKEN_ASSET). */
  async put(productType: string, productId: string, ownerId: string | null, options: ReadonlyArray<{ plan: string; price: unknown }>): Promise<Product> {
    const token = this.config.tokenAsset;
    const parsed = options.map((o, i) => {
      if (!isPlan(o.plan)) throw invalid(`options[${i}].plan must be one of ${PLANS.join(', ')}`);
      const price = this.assets.parse(token, o.price, `options[${i}].price`);
      if (price < 0n) throw invalid(`options[${i}].price must not be negative`);
      if (o.plan === 'free' && price !== 0n) throw invalid(`options[${i}].price of the free plan must be 0`);
      return { plan: o.plan, price };
    });
    if (new Set(parsed.map((o) => o.plan)).size !== parsed.length) throw invalid('options must not repeat a plan');
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO products (product_type, product_id, owner_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (product_type, product_id) DO UPDATE SET owner_id = excluded.owner_id, updated_at = excluded.updated_at`,
        [productType, productId, ownerId, this.clock.now()],
      );
      await tx.query('DELETE FROM product_options WHERE product_type = ? AND product_id = ?', [productType, productId]);
      for (const o of parsed) {
        await tx.query('INSERT INTO product_options (product_type, product_id, plan, price) VALUES (?, ?, ?, ?)', [
          productType, productId, o.plan, this.assets.format(token, o.price),
        ]);
      }
    });
    return this.get(productType, productId);
  }
}
