// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const focusedTests = ['describe', 'it', 'test'].map((object) => ({
  object,
  property: 'only',
  message: 'A focused test hides the rest of the suite; remove .only.',
}));

const cryptoOnlyThroughItsModule = [
  { selector: "MemberExpression[property.name='subtle']", message: 'crypto.subtle is missing on plain http: use src/crypto/index.ts.' },
  { selector: "MemberExpression[property.name='randomUUID']", message: 'crypto.randomUUID is missing on plain http: use randomUuid() from src/crypto/index.ts.' },
  { selector: "TSTypeReference[typeName.name='CryptoKey']", message: 'Keys are opaque handles from src/crypto/index.ts (AesKey, EcPrivateKey, …), never CryptoKey.' },
];
const surveyModelsVerbatim = {
  selector: "NewExpression[callee.name='Model']",
  message: 'Make survey models with verbatimSurvey() (src/survey/verbatimSurvey.ts) so texts show exactly as defined.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-console': 'error',
      'no-restricted-properties': ['error', ...focusedTests],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The scoring core is pure: it runs the same in the browser, in Node and in the CLI.
    files: ['scoring/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'dexie', 'survey-*', '**/src/**', 'node:*', 'fs', 'path'],
            message: 'scoring/ is pure: no UI, storage, DOM or Node APIs. Pass side effects in as arguments.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage', 'fetch'],
    },
  },
  {
    // The engine scores on the student kiosk, which does not load zod (test/e2e/kiosk-stored-plan.e2e.ts):
    // it reads definitions that were validated when they were loaded, so it imports schema types only.
    files: ['scoring/score/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['zod', 'zod/*', '../schema/*', '!../schema/vocabulary.ts', '!../schema/answerValues.ts'],
          allowTypeImports: true,
          message: 'The scoring engine stays zod-free: import schema types with `import type`, and plain values from schema/vocabulary.ts or schema/answerValues.ts.',
        }],
      }],
    },
  },
  {
    // Plain-http lab origins have no crypto.subtle and no crypto.randomUUID: every primitive goes
    // through src/crypto (WebCrypto where it exists, @noble where not), by its one public entry.
    // survey-core expands `{…}` in texts; every model goes through verbatimSurvey.ts, which turns that off.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'scoring/**/*.ts'],
    ignores: ['src/crypto/**', 'src/survey/verbatimSurvey.ts'],
    rules: { 'no-restricted-syntax': ['error', ...cryptoOnlyThroughItsModule, surveyModelsVerbatim] },
  },
  {
    files: ['src/survey/verbatimSurvey.ts'],
    rules: { 'no-restricted-syntax': ['error', ...cryptoOnlyThroughItsModule] },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/crypto/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/crypto/*', '!**/crypto/index.ts'], message: 'Import src/crypto through its public entry, crypto/index.ts.' }],
      }],
    },
  },
  {
    // The CLI and the tests talk to the terminal on purpose.
    files: ['src/cli/**/*.ts', 'test/bench/**/*.ts', 'bin/**/*.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // Schema tests build malformed JSON on purpose; typing every broken shape would hide the intent.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
