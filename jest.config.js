/** Jest: CommonJS tests; swc transforms our TypeScript and the ESM-only @nestjs packages. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|cookie|file-type|uid|load-esm|strtok3|token-types|@tokenizer)/)'],
  moduleNameMapper: { '^@cqo/([a-z-]+)(.*)$': '<rootDir>/libs/$1/src$2' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
