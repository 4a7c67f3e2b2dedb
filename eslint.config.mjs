import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.scratch/',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // Node code: a dropped promise there is a lost answer or a lost profile.
    files: ['backend/**/*.ts', 'tests/**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./backend/tsconfig.json', './tests/tsconfig.json', './tests/browser/tsconfig.json'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'backend/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The browser host's page side: browser code with the plugin's own TypeScript settings.
    files: ['tests/browser/host/app/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: ['./tests/browser/host/app/tsconfig.json'] } },
  },
  {
    // The sample apps and the agent are Node code too; node:test's describe/it return promises by design.
    files: ['samples/**/*.ts', 'agent/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./samples/tsconfig.json', './agent/tsconfig.json'] } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
]);
