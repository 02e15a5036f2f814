// ESLint: Next's own rules (React, hooks, accessibility, Next, typescript-eslint's
// recommended set) plus Casebook's layer rules. docs/decisions/014-lint-layers.md says
// which rule guards which boundary. Run by `npm run lint` (and so by `npm test`).
import js from '@eslint/js'
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import casebook from './eslint-rules/index.mjs'

const root = import.meta.dirname

// ---------------------------------------------------------------------------
// Layer boundaries between folders, checked on the resolved file (so `@/lib/data/x`,
// `../data/x` and `./kinds` are all caught), by import/no-restricted-paths.

const LIB_BELOW_UI = {
  target: './lib',
  from: ['./app', './components'],
  message: 'lib/ is the layer below the pages: it must not import from app/ or components/. Move the shared code into lib/ and import it from both.',
}
const DATA_NOT_EDITING = {
  target: './lib/data',
  from: './lib/editing',
  message: 'lib/data/ (reads) must not import lib/editing/ (writes). Move what both need into a module neither owns (e.g. lib/domain/), or into lib/data/ if it only reads.',
}
const EDITING_NOT_DATA = {
  target: './lib/editing',
  from: './lib/data',
  message: 'lib/editing/ (writes) must not import lib/data/ (reads). Move what both need into a module neither owns (e.g. lib/domain/), or into lib/editing/ if only writes use it.',
}

const SEARCH_BELOW_BOTH = {
  target: './lib/search',
  from: ['./lib/data', './lib/editing'],
  message: 'lib/search/ is below reads and writes (both call it: the write path keeps the index in sync): it must not import lib/data/ or lib/editing/. Move the shared query code into lib/queries/.',
}

// ---------------------------------------------------------------------------
// What a 'use client' file may not import (casebook/no-server-import-in-client): each
// entry forbids the module and everything under it. Type-only imports stay allowed.
const SERVER_ONLY_MODULES = [
  'server-only',
  '@/lib/db',
  '@/lib/data',
  '@/lib/editing',
  '@/lib/auth',
  '@/lib/env',
  '@/lib/queries',
  '@/lib/search',
  '@/lib/cache/tag-page',
  '@/lib/cache/page-cache-store.mjs',
  '@/lib/cache/handler.mjs',
]

const ZOD_IMPORT = { name: 'zod', message: "Import z from '@/lib/validation/zod': it turns off zod's eval probe, which the CSP reports.", allowTypeImports: true }

const config = [
  {
    ignores: ['lib/generated/**', '.next/**', 'node_modules/**', 'tests/.tmp/**', 'bench/.tmp/**', 'playwright-report/**', 'test-results/**', 'data/**'],
  },
  js.configs.recommended,
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    name: 'casebook/code',
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
    plugins: { casebook },
    // import/no-cycle parses every module it follows; the generated Prisma client (2 MB,
    // imports nothing of ours) and packages can't close a cycle, and parsing them made
    // the run take 90 s instead of 20 s.
    settings: { 'import/ignore': ['node_modules', '/lib/generated/'] },
    rules: {
      // The code marks a deliberately unused binding with a leading underscore
      // (`const { slug: _ignored, ...rest } = input`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'import/no-restricted-paths': ['error', { basePath: root, zones: [LIB_BELOW_UI, DATA_NOT_EDITING, EDITING_NOT_DATA, SEARCH_BELOW_BOTH] }],
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'casebook/no-server-import-in-client': ['error', { forbidden: SERVER_ONLY_MODULES }],
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [ZOD_IMPORT] }],
    },
  },
  {
    // Public pages link with plain <a> (components/ui/plain-link.tsx): next/link adds its
    // client code to the page and prefetches every page linked in view.
    name: 'casebook/public-links',
    files: ['app/(public)/**', 'app/layout.tsx', 'app/error.tsx', 'app/not-found.tsx', 'components/**'],
    ignores: ['components/editor/**', 'components/forms/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [ZOD_IMPORT, { name: 'next/link', message: "Public pages load no JavaScript they do not use: import Link from '@/components/ui/plain-link' (a plain <a>)." }] },
      ],
    },
  },
  {
    // A transaction that writes must take the write lock first and run on the writer's
    // connection (lib/db.ts, decision 016).
    name: 'casebook/write-transactions',
    files: ['lib/**', 'app/**', 'components/**', 'proxy.ts'],
    ignores: ['lib/db.ts'],
    rules: {
      'no-restricted-properties': ['error', { property: '$transaction', message: "Use writeTransaction from '@/lib/db': it runs on the writer's connection and takes the write lock first." }],
    },
  },
  {
    name: 'casebook/zod-home',
    files: ['lib/validation/zod.ts', 'tests/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Playwright reads a fixture's first parameter as a destructuring pattern, so its
    // idioms `base.extend<{}, …>` and `async ({}, use) => …` are required, not mistakes.
    name: 'casebook/playwright',
    files: ['tests/e2e/**'],
    rules: {
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    // Tool configuration files export their object as the default, as the tools document.
    name: 'casebook/tool-configs',
    files: ['*.config.{js,mjs,ts}'],
    rules: { 'import/no-anonymous-default-export': 'off' },
  },
]

export default config
