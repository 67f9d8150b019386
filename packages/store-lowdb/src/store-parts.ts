import type { AuditLog } from './audit-log.js';
import type { DurableWriter } from './durable-writer.js';
import type { LowdbOutbox } from './outbox.js';
import type { SubmissionIndex } from './submission-index.js';
import type { VoidedEntries } from './voided.js';

/** What the parts of one store share. `index` is replaced wholesale when start-up recovers the data folder. */
export interface StoreParts {
  readonly dataDir: string;
  readonly audit: AuditLog;
  readonly voided: VoidedEntries;
  readonly writer: DurableWriter;
  index: SubmissionIndex;
  /** Outbox events written with the changes they report. */
  readonly outbox: LowdbOutbox;
}
