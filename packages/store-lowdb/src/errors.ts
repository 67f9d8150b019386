// The store contract's error; kept importable from here for callers that did so before it moved to core.
export { StoreUnavailableError } from '@skema/core';
