import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tmp/**', 'playground/public/**', 'playground/.build/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            'no-console': ['error', { allow: ['warn', 'error'] }],
            eqeqeq: ['error', 'smart'],
            'prefer-const': 'error',
        },
    },
    {
        files: ['**/*.js', '**/*.cjs'],
        languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    },
    {
        files: ['scripts/**', 'test/**', 'playground/**'],
        rules: { 'no-console': 'off' },
    },
);
