import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/api/src/generated/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Features stand alone: a feature imports from its own folder, src/app, src/components and src/lib, never
  // from another feature (what two features share moves to src/components or src/lib).
  {
    files: ['apps/web/src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.)',
              message: 'Features do not import each other: move what is shared to src/components, src/lib or src/app.',
            },
          ],
        },
      ],
    },
  },
  // The product's rules are pure: they depend on no other package of ours (the contracts and apps depend on them).
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@amb/*'], message: 'The domain package depends on no other package of ours.' }] },
      ],
    },
  },
  // Route files parse, call one service and answer: the database is the services' business.
  // (health.ts is the exception: its one query is the database check itself.)
  {
    files: ['apps/api/src/routes/**/*.ts'],
    ignores: ['apps/api/src/routes/health.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '**/generated/**', '@prisma/*'],
              message: 'Routes call a service; they do not reach the database.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.property.name='db']",
          message: 'Routes call a service; they do not reach the database (pass app.db to the service).',
        },
        {
          selector: 'MemberExpression[property.name=/^\\$(queryRaw|executeRaw|transaction)/]',
          message: 'Routes call a service; they do not reach the database.',
        },
      ],
    },
  },
  // SQL built from strings is allowed only where a file is listed here, with placeholders for every value.
  // services/portfolio: the dashboard's aggregate SQL shares fragments (local days, UTC instants) from period.ts.
  // services/people: a person's work in progress is counted by person_wip_count() (prisma/sql/functions).
  // services/obstacles: the obstacle reports share period.ts's fragments too, and the list's ORDER BY is picked from
  // a fixed table of sort keys.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/services/cards/move-card.ts',
      'apps/api/src/services/boards/get-board.ts',
      'apps/api/src/db/seed-cli.ts',
      'apps/api/src/services/portfolio/*.ts',
      'apps/api/src/services/people/*.ts',
      'apps/api/src/services/obstacles/*.ts',
      'apps/api/src/generated/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          property: '$queryRawUnsafe',
          message:
            'Use the tagged $queryRaw (values become parameters), or add the file to the allowed list in eslint.config.js with a reason.',
        },
        {
          property: '$executeRawUnsafe',
          message:
            'Use the tagged $executeRaw (values become parameters), or add the file to the allowed list in eslint.config.js with a reason.',
        },
      ],
    },
  },
);
