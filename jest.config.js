/** Tests run TypeScript through ts-jest without type checking (fast); `npm run typecheck` does the type check. */
module.exports = {
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts'],
    transform: {
        '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
    },
    // noble's hashes ship as ES modules only: compiled like the app's own code.
    transformIgnorePatterns: ['/node_modules/(?!@noble/hashes/)'],
    globalSetup: '<rootDir>/test/support/globalSetup.ts',
    // Most of a scenario's time is spent waiting on the app's Deno subprocess: two files at once on two cores.
    maxWorkers: 2,
    testTimeout: 20000,
};
