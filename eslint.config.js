import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noFocusedOrSkippedTests = [
  { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No focused tests.' },
  { selector: "CallExpression[callee.property.name='skip'][callee.object.name=/^(it|test|describe)$/]", message: 'No skipped tests.' },
];

/**
 * The ledger's tables are read and written through its store only (src/ledger/store/), which runs
 * the postings a PostgreSQL group commit holds back before each statement (group-commit.md). SQL
 * naming one of them anywhere else in src/ (the migrations aside) is refused.
 */
const LEDGER_TABLE_IN_SQL = String.raw`/\b(FROM|JOIN|INTO|UPDATE|TABLE|EXISTS)\s+(accounts|account_totals|ledger_transactions|ledger_entries|holds|events|events_state)\b/`;
const LEDGER_TABLE_MESSAGE =
  "SQL on the ledger's tables belongs in src/ledger/store/ (LedgerStore), which first writes the postings a batch holds back. Call a ledger method instead.";
const ledgerTablesOutsideTheStore = [
  { selector: `Literal[value=${LEDGER_TABLE_IN_SQL}]`, message: LEDGER_TABLE_MESSAGE },
  { selector: `TemplateElement[value.raw=${LEDGER_TABLE_IN_SQL}]`, message: LEDGER_TABLE_MESSAGE },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noFocusedOrSkippedTests],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ledger/store/**', 'src/database/migrations/**'],
    rules: { 'no-restricted-syntax': ['error', ...noFocusedOrSkippedTests, ...ledgerTablesOutsideTheStore] },
  },
);
