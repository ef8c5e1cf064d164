/**
 * `npm run test:compat` (test/compat/run.ts) runs this once per engine/Deno pair, with COMPAT_ENGINE naming the
 * engine. Not part of `npm test`: its files are *.compat.ts, which the main config's testMatch leaves out.
 */
// The main suite's global setup prepares its own Deno (1.62.0's); each pair prepares its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globalSetup: _mainSuiteDeno, ...mainConfig } = require('./jest.config');

module.exports = {
    ...mainConfig,
    roots: ['<rootDir>/test/compat'],
    testMatch: ['**/*.compat.ts'],
};
