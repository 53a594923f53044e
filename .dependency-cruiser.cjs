/**
 * The one direction of dependency, checked by `npm run lint:deps` (and so by CI):
 *
 *   edges (backoffice, legacy-api, realtime, health, cli, app wiring)
 *     → features (token-actions, exchange-rates, subscriptions, scheduler, catalog, webhooks)
 *       → ledger
 *         → services below the ledger (auth, audit, idempotency, balance-api, lifecycle, observability, redis)
 *           → database
 *             → common, config
 *
 * A folder may import its own layer's siblings only where a rule below allows it, and never a
 * layer above. See ARCHITECTURE.md for what each folder does.
 */
const layer = {
  base: '^src/(common|config)/',
  database: '^src/database/',
  platform: '^src/(auth|audit|idempotency|balance-api|lifecycle|observability|redis)/',
  ledger: '^src/ledger/',
  features: '^src/(token-actions|exchange-rates|subscriptions|scheduler|catalog|webhooks)/',
  edges: '^src/(backoffice|legacy-api|realtime|health|cli)/|^src/(app\\.module|app\\.factory|main)\\.ts$',
};

const forbid = (name, comment, from, toLayers) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: toLayers.map((l) => layer[l]).join('|') },
});

module.exports = {
  forbidden: [
    { name: 'no-cycles', comment: 'A cycle means two pieces that cannot be understood apart.', severity: 'error', from: {}, to: { circular: true } },
    forbid('base-is-the-bottom', 'common/ and config/ are small helpers every layer uses; they use none.', layer.base, ['database', 'platform', 'ledger', 'features', 'edges']),
    forbid('database-below-everything', 'The database layer knows no business.', layer.database, ['platform', 'ledger', 'features', 'edges']),
    forbid('platform-below-the-ledger', 'Identity, idempotency and the request pipelines serve the ledger and features, never the reverse.', layer.platform, ['ledger', 'features', 'edges']),
    forbid('ledger-below-features', 'The ledger is the only writer of money and knows no feature.', layer.ledger, ['features', 'edges']),
    forbid('features-below-edges', 'Features do not know which surface calls them.', layer.features, ['edges']),
    {
      name: 'edges-are-leaves',
      comment: 'A surface is wired by the app module only; no surface uses another.',
      severity: 'error',
      // Command-line tools (cli/) are entry points like main.ts: they may use a surface.
      from: { path: '^src/([^/]+)/', pathNot: '^src/cli/' },
      to: { path: '^src/(backoffice|legacy-api|realtime|health|cli)/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
