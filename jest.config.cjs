/**
 * One jest configuration for the whole workspace. TypeScript is stripped by SWC
 * (fast, no type checking); `pnpm typecheck` type-checks everything once.
 * @type {import('jest').Config}
 */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs'],
  testMatch: [
    '<rootDir>/packages/*/tests/**/*.test.ts',
    '<rootDir>/tests/**/*.test.ts',
    '<rootDir>/infra/tests/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/cdk.out/'],
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
