// Lint, with the architecture's boundaries as rules (DESIGN.md, "Architecture"):
// `electron` only in the shell; no Node, database or server code in the renderer
// (types from the server's contract are allowed: they vanish at build time).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }] }],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'test/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the books only through the preload API.' }],
          patterns: [
            { group: nodeModules, message: 'The renderer never touches Node or the database.' },
            { group: ['**/db/*', '**/electron/main/*', '**/electron/preload/*', '**/electron/cli/*'], message: 'The renderer reaches the books only through the preload API.' },
            // programme/measures: the indicators' sums and ratios (pure, the money module only), so the page and the exports agree to the digit.
            { regex: 'electron/server/(?!contract$|money/|locale/|messages/[a-z]+\\.json$|programme/measures$)', allowTypeImports: true, message: 'The renderer may import only the server contract (types), money and locale formatting, the programme\'s measures, and message catalogs.' },
          ],
        },
      ],
    },
  },
);
