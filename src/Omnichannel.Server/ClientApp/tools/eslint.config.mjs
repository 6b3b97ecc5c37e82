// ESLint for the web app: `npm run lint` in ClientApp installs this folder's packages once, then runs it.
// Type-aware: typescript-eslint reads ../tsconfig.json through TypeScript 5.9.3 installed beside this file
// (package.json here says why not 7).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const clientApp = new URL('..', import.meta.url).pathname;

export default defineConfig(
  {
    ignores: ['node_modules/', 'tools/node_modules/', 'src/api/schema.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // test/ has a tsconfig.json of its own (Node's types), which the project service finds.
      parserOptions: { projectService: true, tsconfigRootDir: clientApp },
      globals: globals.browser,
    },
  },
  {
    // node:test's describe() and it() return promises the runner itself awaits.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it'] }] },
      ],
    },
  },
  {
    files: ['*.mjs', 'tools/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
