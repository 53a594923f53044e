/**
 * The one direction of dependency, checked by `npm run lint:deps` (and so by CI):
 *
 *   edges (surfaces: backoffice, legacy-api, realtime, health, console, cli; app wiring)
 *     → the HTTP server (http)
 *       → features (token-actions, exchange-rates, subscriptions, scheduler, catalog, webhooks)
 *         → ledger
 *           → services below the ledger (auth, audit, idempotency, balance-api, lifecycle, observability, redis)
 *             → database
 *               → common, config
 *
 * The HTTP server uses nothing of the ledger or the features: it knows no route. A folder
 * imports a sibling (another folder of its own layer) only where SIBLINGS below names it, and
 * never a layer above. Every folder of src/ is in a layer. See ARCHITECTURE.md for what each
 * folder does.
 */
const FOLDERS = {
  base: ['common', 'config'],
  database: ['database'],
  platform: ['auth', 'audit', 'idempotency', 'balance-api', 'lifecycle', 'observability', 'redis'],
  ledger: ['ledger'],
  features: ['token-actions', 'exchange-rates', 'subscriptions', 'scheduler', 'catalog', 'webhooks'],
  http: ['http'],
  edges: ['backoffice', 'legacy-api', 'realtime', 'health', 'console', 'cli'],
};

/** The only imports between folders of one layer, each with why. */
const SIBLINGS = {
  // The environment is validated into common/'s types (trusted proxies), and the clock is provided with it.
  config: ['common'],
  // The guard logs its refusals; the metrics route is @Public().
  auth: ['observability'],
  observability: ['auth'],
  // The socket request pipeline: who is calling, stored answers, audit records, drain, logs.
  'balance-api': ['audit', 'auth', 'idempotency', 'lifecycle', 'observability'],
  // Renewals are due work.
  scheduler: ['subscriptions'],
  // Plans priced in another asset are charged at the current exchange rate.
  subscriptions: ['exchange-rates'],
  // Command-line tools are entry points like main.ts: they may use a surface.
  cli: ['backoffice'],
};

const inFolders = (names) => `^src/(${names.join('|')})/`;
const layer = Object.fromEntries(Object.entries(FOLDERS).map(([name, names]) => [name, inFolders(names)]));
layer.edges += '|^src/(app\\.module|app\\.factory|main)\\.ts$';
const placed = Object.values(layer).join('|');

const forbid = (name, comment, from, toLayers) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: toLayers.map((l) => layer[l]).join('|') },
});

const siblingRules = Object.values(FOLDERS).flatMap((names) =>
  names.length < 2
    ? []
    : names.map((folder) => ({
        name: 'siblings-only-where-allowed',
        comment: `${folder}/ imports only the folders of its layer that SIBLINGS names for it.`,
        severity: 'error',
        from: { path: `^src/${folder}/` },
        to: { path: inFolders(names), pathNot: inFolders([folder, ...(SIBLINGS[folder] ?? [])]) },
      })),
);

module.exports = {
  forbidden: [
    { name: 'no-cycles', comment: 'A cycle means two pieces that cannot be understood apart.', severity: 'error', from: {}, to: { circular: true } },
    { name: 'every-folder-in-a-layer', comment: 'A folder in no layer escapes every rule here: add it to FOLDERS (and ARCHITECTURE.md).', severity: 'error', from: { path: '^src/', pathNot: placed }, to: {} },
    { name: 'every-import-in-a-layer', comment: 'A folder in no layer escapes every rule here: add it to FOLDERS (and ARCHITECTURE.md).', severity: 'error', from: {}, to: { path: '^src/', pathNot: placed } },
    forbid('base-is-the-bottom', 'common/ and config/ are small helpers every layer uses; they use none.', layer.base, ['database', 'platform', 'ledger', 'features', 'http', 'edges']),
    forbid('database-below-everything', 'The database layer knows no business.', layer.database, ['platform', 'ledger', 'features', 'http', 'edges']),
    forbid('platform-below-the-ledger', 'Identity, idempotency and the request pipelines serve the ledger and features, never the reverse.', layer.platform, ['ledger', 'features', 'http', 'edges']),
    forbid('ledger-below-features', 'The ledger is the only writer of money and knows no feature.', layer.ledger, ['features', 'http', 'edges']),
    forbid('features-below-edges', 'Features do not know which surface calls them.', layer.features, ['http', 'edges']),
    forbid('http-knows-no-route', 'The HTTP server (hooks, parsers, headers, limits) serves every surface and knows none, nor what a route does.', layer.http, ['ledger', 'features', 'edges']),
    ...siblingRules,
    {
      name: 'ledger-store-is-the-ledgers',
      comment: "Only the ledger uses its store (src/ledger/store/): everything else asks the ledger's services, so no statement on its tables bypasses the ledger's rules.",
      severity: 'error',
      from: { pathNot: '^src/ledger/' },
      to: { path: '^src/ledger/store/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
