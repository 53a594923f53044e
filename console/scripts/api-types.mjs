// The console's API types, generated from the OpenAPI document the service serves at /docs-json
// (built here without a server by dist/src/cli/openapi-document.js; run `npm run build` first).
//   node console/scripts/api-types.mjs          writes console/src/api/schema.d.ts
//   node console/scripts/api-types.mjs --check  fails when that file is out of date with the API
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const target = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));
const documentScript = fileURLToPath(new URL('../../dist/src/cli/openapi-document.js', import.meta.url));
const document = JSON.parse(execFileSync(process.execPath, [documentScript], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
const header = '// Generated from the service\'s OpenAPI document by console/scripts/api-types.mjs: do not edit.\n';
// Asset codes are an enum of the catalog the document was built with (`x-asset-catalog`); the
// console serves whatever catalog its server has, so it types them as strings.
const withoutCatalog = (node) => {
  if (Array.isArray(node)) return node.forEach(withoutCatalog);
  if (typeof node !== 'object' || node === null) return;
  if (node['x-asset-catalog']) delete node.enum;
  Object.values(node).forEach(withoutCatalog);
};
withoutCatalog(document);
const types = header + astToString(await openapiTS(document));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== types) {
    console.error('console/src/api/schema.d.ts is out of date with the API: run `npm run console:api` and fix what its type check then reports.');
    process.exit(1);
  }
} else {
  writeFileSync(target, types);
  console.log(`wrote ${target}`);
}
