// ESLint flat config. Besides typescript-eslint's recommended rules it enforces the one-way
// architecture: grammar <- linter <- host <- {server, cli}; the client imports none of them.
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'e2e/.work/**', 'bench/out/**', '.e2e-tmp/**', 'coverage/**', '.oracle-cache/**', 'fuzz-failures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['grammar/**/*.ts'], rules: restrict(['**/linter/**', '**/host/**', '**/server/**', '**/cli/**', '**/client/**', 'vscode*', 'node:*']) },
  { files: ['linter/**/*.ts'], rules: restrict(['**/host/**', '**/server/**', '**/cli/**', '**/client/**', 'vscode*', 'node:*']) },
  { files: ['host/**/*.ts'], rules: restrict(['**/server/**', '**/cli/**', '**/client/**', 'vscode*']) },
  { files: ['server/**/*.ts'], rules: restrict(['**/cli/**', '**/client/**', 'vscode']) },
  { files: ['cli/**/*.ts'], rules: restrict(['**/server/**', '**/client/**', 'vscode*']) },
  { files: ['client/**/*.ts'], rules: restrict(['**/grammar/**', '**/linter/**', '**/host/**', '**/server/**', '**/cli/**']) },
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } } },
);
