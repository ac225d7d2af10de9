// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'events',
  'worker_threads',
  'zlib',
  'readline',
];

const noElectron = { group: ['electron', 'electron/*'], message: 'Only main/app may import electron.' };
const noAppFromRouter = {
  group: ['**/main/app/**', '../app/**', '../../app/**'],
  message: 'The router must not depend on the app.',
};

/** A folder's import boundary (flat config: the last block matching a file sets the rule). */
function boundary(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Boundary: shared/ is pure TypeScript that runs in main, the renderer and the CLI.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'electron/*'],
              message: 'shared/ must not import Node or Electron.',
            },
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'shared/ must not import from main/ or renderer/.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  // Boundaries in main/ (arrows point down: app → router → services → shared; cli → services).
  // Services run under plain Node and behind the CLI; Electron reaches them through interfaces.
  boundary(
    ['main/services/**/*.ts'],
    [
      noElectron,
      {
        group: ['**/main/app/**', '**/app/**'],
        message: 'services must not depend on the Electron app layer.',
      },
      { group: ['**/router/**'], message: 'services must not depend on the router.' },
    ],
  ),
  // The router is transport-free: the app binds it to ipcMain, tests to Playwright.
  boundary(['main/router/**/*.ts'], [noElectron, noAppFromRouter]),
  // Handlers map request → service → reply; what two of them share lives in a service.
  boundary(
    ['main/router/handlers/**/*.ts'],
    [
      noElectron,
      noAppFromRouter,
      { group: ['./*'], message: 'Handlers do not import each other: move what they share into a service.' },
    ],
  ),
  // The CLI goes to the services directly, never through the router.
  boundary(
    ['main/cli/**/*.ts'],
    [
      noElectron,
      {
        group: ['**/main/app/**', '../app/**', '../../app/**'],
        message: 'The CLI must not depend on the app.',
      },
      { group: ['**/router/**'], message: 'The CLI uses the services, not the router.' },
    ],
  ),
  // The renderer talks to main only through window.cueline.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', 'electron/*'],
              message: 'The renderer has no Node or Electron.',
            },
            { group: ['**/main/**'], message: 'The renderer talks to main only through window.cueline.' },
          ],
        },
      ],
    },
  },
);
