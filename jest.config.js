/** Tests run TypeScript through ts-jest without type checking (fast); `npm run typecheck` does the type check. */
module.exports = {
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts'],
    transform: {
        '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
    },
    globalSetup: '<rootDir>/test/support/globalSetup.ts',
    testTimeout: 20000,
};
