// Architecture rules checked by `npm run depcruise` (README, Architecture). Paths are relative to the
// repository root; `@cqo/*` resolves through tsconfig.json.

/** The domain libs in their one-way order: a lib imports only libs before it. */
const LIB_ORDER = [
  'core',
  'organizations',
  'identity',
  'trainees',
  'notifications',
  'courses',
  'exams',
  'credit-hours',
  'external-claims',
  'certificates',
  'registry',
  'reporting',
];
const TEST_FILE = '\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$';

const libOrder = LIB_ORDER.slice(0, -1).map((lib, i) => ({
  name: `lib-order-${lib}`,
  severity: 'error',
  comment: `${lib} may import only the libs before it (${LIB_ORDER.slice(0, i).join(', ') || 'none'}); a lib that needs a later one declares a port the later lib provides`,
  from: { path: `^libs/${lib}/src/`, pathNot: TEST_FILE },
  to: { path: `^libs/(${LIB_ORDER.slice(i + 1).join('|')})/src/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...libOrder,
    {
      name: 'domain-libs-not-schema-or-testing',
      severity: 'error',
      comment: "libs/schema gathers every lib's entities and libs/testing builds test databases from it: the domain libs sit below both",
      from: { path: `^libs/(${LIB_ORDER.join('|')})/src/`, pathNot: TEST_FILE },
      to: { path: '^libs/(schema|testing)/src/' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      comment: 'apps, libs and benches do not import tests/ or libs/testing (unit specs beside the code may)',
      from: { path: '^(apps|libs|bench)/', pathNot: [TEST_FILE, '^libs/testing/'] },
      to: { path: ['^tests/', '^libs/testing/'] },
    },
    {
      name: 'processors-only-in-worker',
      severity: 'error',
      comment: 'BullMQ processors run only in the worker process (apps/worker/src/processors)',
      from: { path: '\\.processor\\.ts$', pathNot: '^apps/worker/' },
      to: {},
    },
    {
      name: 'controllers-only-in-api',
      severity: 'error',
      comment: 'HTTP controllers live only in apps/api',
      from: { path: '\\.controller\\.ts$', pathNot: '^apps/api/' },
      to: {},
    },
    {
      name: 'no-build-output-imports',
      severity: 'error',
      comment:
        "source imports source, never the build output (dist/); a package's own dist/ deep imports are caught by ESLint (no-restricted-imports), which sees the specifier",
      from: {},
      to: { path: '(^|/)dist/', pathNot: '(^|/)node_modules/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a cycle means a boundary is in the wrong place (STYLE: no forwardRef to hide one)',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^coverage/', '^tests/artifacts/', '^tests/fixtures/', '^bench/results/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type from a later lib couples the libs just the same.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
