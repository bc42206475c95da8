// npm run lint: ESLint's and typescript-eslint's recommended rules, Lit's and web components'
// rules on the elements, and nothing that Prettier decides (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/elements/**/*.ts', 'src/index.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts', 'src/index.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a value left out on purpose (a destructured field dropped, say).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // Tests reach into fixtures and test doubles whose shapes are not typed.
      '@typescript-eslint/no-explicit-any': 'off',
      // Chai's assertions are properties: expect(x).to.be.true.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  prettier,
);
