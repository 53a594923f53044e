// The console's own lint (run by `npm run console:lint`, part of `npm run lint`).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', sessionStorage: 'readonly', fetch: 'readonly', crypto: 'readonly', console: 'readonly', navigator: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Money is a decimal string from the API: never through a float, except Number() for plotting (charts.tsx).
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Money stays a decimal string; see money.ts.' }],
      'no-restricted-properties': ['error', { object: 'Number', property: 'parseFloat', message: 'Money stays a decimal string; see money.ts.' }],
    },
  },
);
