export { MemorySubmissionStore, createMemoryStore } from './memory-store.js';
export { MemoryCaseStore } from '@skema/submissions/testing';
export { DuplicateSubmissionError } from '@skema/core';
export { MemoryFormConfigStore, createMemoryFormConfigStore } from './memory-form-config-store.js';
export { fixtureForms, fixtureRegistry, fixtureEngine, fixtureData } from './fixture-forms.js';
export { fixturePlugin } from './fixture-plugin.js';
export { createTestApp, testConfig, TEST_KEYS, bearer, type TestApp } from './test-app.js';
export { examplePortalBackend } from './example-portal-backend.js';
export { startPersonTokens, PERSON_ISSUER, PERSON_AUDIENCE, type PersonTokens } from './person-tokens.js';
