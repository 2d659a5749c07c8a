// Lint: typescript-eslint (type-aware where it catches real bugs: a Message pasted into a template
// literal prints "[object Object]"), React's hooks rules, and the runtime boundaries of
// ARCHITECTURE.md as import rules. `npm run lint`; part of `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

/** Imports a folder may not make. */
const forbid = (message, { node = false, electron = false, paths = [] }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [
        ...(electron ? [{ name: 'electron', message }] : []),
        ...(node ? NODE_BUILTINS.map((name) => ({ name, message })) : []),
      ],
      patterns: [
        ...(node ? [{ group: ['node:*'], message }] : []),
        ...paths.map((group) => ({ group: [group], message })),
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/fixtures/**', 'renderer/public/**', 'docs/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['{electron,shared,renderer,tests,bench,scripts}/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './renderer/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowAny: true, allowRegExp: true },
      ],
      '@typescript-eslint/restrict-plus-operands': ['error', { allowNumberAndString: true, allowAny: true }],
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', 'vite.config.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // ---------------------------------------------------------------- boundaries (ARCHITECTURE.md)
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    rules: forbid('renderer/ and shared/ run in a sandboxed page: no Node, no Electron, no engine.', {
      node: true,
      electron: true,
      paths: [
        '**/electron/core/**',
        '**/electron/cli/**',
        '**/electron/main*',
        '**/electron/preload*',
        '**/electron/ipc.ts',
      ],
    }),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: forbid('The engine runs under plain Node (the CLI, the tests): no Electron, no front end.', {
      electron: true,
      paths: [
        '**/renderer/**',
        '**/electron/cli/**',
        '**/electron/web/**',
        '**/electron/main*',
        '**/electron/preload*',
        '**/electron/ipc.ts',
        '**/electron/ipc-handlers*',
      ],
    }),
  },
  {
    files: ['electron/cli/**/*.ts', 'electron/cli.ts'],
    rules: forbid('The command line uses the engine and shared/ only.', {
      electron: true,
      paths: ['**/renderer/**', '**/electron/main*', '**/electron/preload*', '**/electron/ipc.ts'],
    }),
  },
  // ---------------------------------------------------------------- the renderer
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every word a person reads comes from the catalog (docs/i18n.md).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/\\p{L}{2,}/u]',
          message: 'User-facing text belongs in the catalog (shared/i18n/catalog/*/app.ts): use t(...).',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] > Literal[value=/\\p{L}{2,}/u]',
          message: 'User-facing text belongs in the catalog (shared/i18n/catalog/*/app.ts): use t(...).',
        },
        {
          selector: 'JSXExpressionContainer > Literal[value=/\\p{L}{2,}/u]',
          message: 'User-facing text belongs in the catalog (shared/i18n/catalog/*/app.ts): use t(...).',
        },
      ],
    },
  },
);
