// The in-memory store moved to @skema/submissions/testing (its unit tests use it); kept here for the server's tests and users of @skema/server/testing.
export { MemorySubmissionStore, createMemoryStore } from '@skema/submissions/testing';
