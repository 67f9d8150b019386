/** The store is not initialised, is closing, or stopped after an unrecoverable write error. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
