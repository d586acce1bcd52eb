// ESLint checks what the compiler cannot: promises nobody awaits, async functions handed to
// callers that ignore their promise, type-only imports, and focused or disabled tests.
// Prettier owns layout, so no style rules here.
import { defineConfig } from 'eslint/config';
import jest from 'eslint-plugin-jest';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const PROCESSOR_ONLY_IN_WORKER = {
  selector: "Decorator > CallExpression > Identifier[name='Processor']",
  message: 'BullMQ processors live only in apps/worker.',
};
const CONTROLLER_ONLY_IN_API = {
  selector: "Decorator > CallExpression > Identifier[name='Controller']",
  message: 'HTTP controllers live only in apps/api.',
};

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'tests/artifacts/**',
      'tests/fixtures/**',
      'bench/results/**',
      'storage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      // Generated code (the web app's OpenAPI client types); as in .prettierignore.
      '**/*.generated.*',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parser: tseslint.parser,
      // Each file is checked with its nearest tsconfig.json (the root one, or apps/web's).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // react-router types navigate() as `void | Promise<void>`; under the <BrowserRouter> the web app
        // uses it returns nothing (the promise is for data routers).
        { allowForKnownSafeCalls: [{ from: 'package', package: 'react-router', name: 'NavigateFunction' }] },
      ],
      // JSX handlers (onClick={async () => ...}) are left out: React ignores their result, and the web app's
      // handlers send their requests through useAction().run, which catches and shows the error.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // The code already marks its deliberate exceptions to these two with disable comments.
      '@typescript-eslint/no-unsafe-function-type': 'error',
      '@typescript-eslint/no-require-imports': 'error',
      // With experimentalDecorators + emitDecoratorMetadata (tsconfig.json) the rule leaves files with
      // decorators alone, so Nest's constructor-injected classes stay value imports.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports', disallowTypeAnnotations: false }],
      // A package's build output is not its API (e.g. `@nestjs/throttler/dist/...`); our own dist/ neither.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/dist', '**/dist/**'], message: 'Import the package entry point, not its dist/ files.' }] },
      ],
    },
  },
  // Where a class is decorated, not only how its file is named (.dependency-cruiser.cjs checks the names).
  {
    files: ['libs/**/*.ts', 'apps/cli/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', PROCESSOR_ONLY_IN_WORKER, CONTROLLER_ONLY_IN_API] },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', PROCESSOR_ONLY_IN_WORKER] },
  },
  {
    files: ['apps/worker/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', CONTROLLER_ONLY_IN_API] },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts'],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/no-identical-title': 'error',
      // An un-awaited `expect(...).resolves` passes whatever the promise does.
      'jest/valid-expect': 'error',
    },
  },
);
