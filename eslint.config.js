// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const reactCode = [
  'packages/react/**/*.{ts,tsx}',
  'packages/embed/**/*.{ts,tsx}',
  'apps/demo/**/*.{ts,tsx}',
  'plugins/renderer-*/**/*.{ts,tsx}',
];
const testCode = ['**/*.test.{ts,tsx}', '**/*.test-d.ts', 'test/**/*.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      '**/generated/',
      '**/coverage/',
      '**/.turbo/',
      'data/',
      'test-results/',
      'artifacts/',
      'apps/demo/public/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            'packages/types/scripts/*.ts',
            'packages/embed/compat/*.ts',
            'packages/embed/compat/*.tsx',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      // An `async` function that implements a Promise-returning contract (memory stores, adapters)
      // needs no `await`: the keyword is what turns a throw into a rejection, so it stays.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Plain JavaScript, tool configs and the packaging test's fresh-app template are in no tsconfig.
    files: ['**/*.{js,mjs,cjs}', '**/vitest.config.ts', 'test/packaging/template/**'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: reactCode,
    // The rules of hooks and their dependencies; the React Compiler's extra rules (refs,
    // set-state-in-effect, immutability) are left out: the packages do not use the compiler.
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: testCode,
    // Test code reads JSON from responses and fixtures, which is `any` by design; asserting on it is the point.
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
