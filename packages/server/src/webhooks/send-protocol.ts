import type { SendResult, SignedMessage } from './send.js';

/** One webhook for the sender thread to sign and POST. */
export interface SendJob {
  n: number;
  url: string;
  message: SignedMessage;
  allowPrivate: boolean;
  timeoutMs: number;
  /** The attempt's time (the signature's `webhook-timestamp`). */
  now: Date;
}

/** Jobs go to the thread, results come back, each in batches (one message per turn of the loop). */
export interface SendBatch {
  jobs: SendJob[];
}

export interface ResultBatch {
  results?: Array<[n: number, result: SendResult]>;
  /** Sent once, when the thread has loaded. */
  ready?: true;
  /** With `ready`: the thread's id when it lowered its priority (Linux). */
  tid?: number;
}

/** What the thread starts with. */
export interface SenderThreadData {
  /** Niceness the thread adds to itself (Linux): deliveries yield the cores to the API's requests. */
  nice: number;
}
