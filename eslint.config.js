// Lint: typescript-eslint's type-aware recommended rules, no `any`, and the module boundaries (ADR 0019).
import tseslint from 'typescript-eslint';
import boundaries from './eslint-rules/module-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', '.bench/', 'docs/', 'eslint-rules/fixtures/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { boundaries },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // An async function that implements an async interface without awaiting anything is plain; wrapping its
      // results in Promise.resolve to please this rule would only add noise.
      '@typescript-eslint/require-await': 'off',
      'boundaries/imports': 'error',
    },
  },
  {
    // Tests may read any table to check what a request wrote; the code under test may not.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'boundaries/own-tables': 'error' },
  },
  {
    // Callbacks passed to page.evaluate run in the browser; the project compiles without the DOM library, so their
    // element values have no types here.
    files: ['test/e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
