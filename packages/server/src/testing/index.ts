export { MemorySubmissionStore, createMemoryStore } from './memory-store.js';
export { DuplicateSubmissionError } from '@skema/core';
export { MemoryFormConfigStore, createMemoryFormConfigStore } from './memory-form-config-store.js';
export { fixtureForms, fixtureRegistry, fixtureEngine, fixtureData } from './fixture-forms.js';
export { fixturePlugin } from './fixture-plugin.js';
export { createTestApp, testConfig, TEST_KEYS, bearer, type TestApp } from './test-app.js';
export { examplePortalBackend } from './example-portal-backend.js';
