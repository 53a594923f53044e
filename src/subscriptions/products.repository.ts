import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service.js';

/** A product as stored: its owner and its plans, prices as exact decimal strings in TOKEN_ASSET. */
export interface StoredProduct {
  readonly productType: string;
  readonly productId: string;
  readonly ownerId: string | null;
  readonly options: ReadonlyArray<{ readonly plan: string; readonly price: string }>;
}

/** The products and product_options tables. */
@Injectable()
export class ProductsRepository {
  constructor(private readonly db: Db) {}

  /** The product and its plans, read together. */
  find(productType: string, productId: string): Promise<StoredProduct | null> {
    return this.db.read(async (reader) => {
      const [product] = await reader.query<{ owner_id: string | null }>('SELECT owner_id FROM products WHERE product_type = ? AND product_id = ?', [productType, productId]);
      if (!product) return null;
      const options = await reader.query<{ plan: string; price: string }>('SELECT plan, price FROM product_options WHERE product_type = ? AND product_id = ?', [productType, productId]);
      return { productType, productId, ownerId: product.owner_id, options };
    });
  }

  /** Every product and its plans, by type then id. */
  list(): Promise<StoredProduct[]> {
    return this.db.read(async (reader) => {
      const products = await reader.query<{ product_type: string; product_id: string; owner_id: string | null }>(
        'SELECT product_type, product_id, owner_id FROM products ORDER BY product_type, product_id',
      );
      const options = await reader.query<{ product_type: string; product_id: string; plan: string; price: string }>('SELECT product_type, product_id, plan, price FROM product_options');
      return products.map((p) => ({
        productType: p.product_type,
        productId: p.product_id,
        ownerId: p.owner_id,
        options: options.filter((o) => o.product_type === p.product_type && o.product_id === p.product_id).map((o) => ({ plan: o.plan, price: o.price })),
      }));
    });
  }

  /** Creates or replaces the product and all its plans, in one transaction. */
  async save(productType: string, productId: string, product: Pick<StoredProduct, 'ownerId' | 'options'>, now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO products (product_type, product_id, owner_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (product_type, product_id) DO UPDATE SET owner_id = excluded.owner_id, updated_at = excluded.updated_at`,
        [productType, productId, product.ownerId, now],
      );
      await tx.query('DELETE FROM product_options WHERE product_type = ? AND product_id = ?', [productType, productId]);
      for (const o of product.options) {
        await tx.query('INSERT INTO product_options (product_type, product_id, plan, price) VALUES (?, ?, ?, ?)', [productType, productId, o.plan, o.price]);
      }
    });
  }
}
