import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import type { Asset } from '../ledger/asset-registry.js';
import { ASSET_ANSWER, ASSET_REQUEST } from './api-schemas.js';

/**
 * Puts the catalog's asset codes into the document: every schema that says "an asset code"
 * (ASSET_ANSWER in answers, ASSET_REQUEST in requests) becomes an enum of the codes the server
 * has, with each asset's scale, the decimals its amounts may have. The catalog is read once at
 * start (AssetRegistry.load), so the document is built with what the server will accept.
 */
export function withCatalogAssets(document: OpenAPIObject, assets: readonly Asset[]): void {
  const codes = assets.map((a) => a.code).sort();
  const scales = [...assets]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((a) => `${a.code} ${a.scale}`)
    .join(', ');
  const answer = `One of the catalog's assets; the decimals (scale) of each: ${scales}`;
  const request = `${answer}. Sent in lower case as listed (the server also reads other letter case: \`USD\` is \`usd\`); another code is a 400 (a 404 in a path).`;
  visitSchemas(document, (schema) => {
    if (schema.pattern !== ASSET_ANSWER && schema.pattern !== ASSET_REQUEST) return;
    const own = schema.description && !schema.description.startsWith('Asset code') ? `${schema.description}. ` : '';
    schema.description = own + (schema.pattern === ASSET_ANSWER ? answer : request);
    delete schema.pattern;
    delete schema.minLength;
    delete schema.maxLength;
    schema.enum = codes;
    // Says that the enum is this deployment's catalog, not a fixed vocabulary (the console's types keep `string`).
    (schema as SchemaObject & Record<string, unknown>)['x-asset-catalog'] = true;
    if (schema.example !== undefined && !codes.includes(String(schema.example))) schema.example = codes[0];
  });
}

/** Calls `visit` on every schema object of the document (and on parameter objects, which carry their schema beside them). */
function visitSchemas(node: unknown, visit: (schema: SchemaObject) => void): void {
  if (Array.isArray(node)) return node.forEach((item) => visitSchemas(item, visit));
  if (typeof node !== 'object' || node === null) return;
  if (typeof (node as SchemaObject).pattern === 'string') visit(node as SchemaObject);
  for (const value of Object.values(node)) visitSchemas(value, visit);
}
