import { StoreUnavailableError } from './errors.js';

export type StoreState = 'new' | 'open' | 'closing' | 'closed';

/** Lets operations in only while the store is open (writes only while it still writes) and keeps them, so close() can wait for them. */
export class OperationGate {
  state: StoreState = 'new';
  private readonly operations = new Set<Promise<unknown>>();

  /** `writesRefused` tells why writes are refused now (an I/O error, an incomplete audit log), or undefined. */
  constructor(private readonly writesRefused: () => string | undefined) {}

  track<T>(write: boolean, task: () => Promise<T>): Promise<T> {
    if (this.state !== 'open')
      return Promise.reject(
        new StoreUnavailableError(`Store is ${this.state === 'new' ? 'not initialised' : 'closed'}`),
      );
    const refused = write ? this.writesRefused() : undefined;
    if (refused) return Promise.reject(new StoreUnavailableError(refused));
    const p = task();
    this.operations.add(p);
    void p.then(
      () => this.operations.delete(p),
      () => this.operations.delete(p),
    );
    return p;
  }

  /** Every operation under way, finished (either way). */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.operations]);
  }
}
