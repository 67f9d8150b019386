import { Writable } from 'node:stream';
import type { SubmissionPage } from '@skema/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { startRetentionJob } from './retention-schedule.js';

const HOUR = 3_600_000;
const tenants = [{ id: 'alpha', retention: { defaultDays: 30, closedStatuses: ['approved' as const] } }];

function logSink() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('startRetentionJob', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('DP-03 runs after the first delay, then an interval after each run ends, never overlapping', async () => {
    const store = new MemorySubmissionStore();
    let release!: () => void;
    const list = vi
      .spyOn(store, 'list')
      .mockImplementation(() => new Promise<SubmissionPage>((resolve) => (release = () => resolve({ items: [] }))));
    const job = startRetentionJob({
      store,
      tenants,
      logger: logSink().logger,
      intervalMs: HOUR,
      firstRunDelayMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(list).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(list).toHaveBeenCalledTimes(1);
    // The run hangs for ten intervals: no second run starts meanwhile.
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(list).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(HOUR - 1);
    expect(list).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(list).toHaveBeenCalledTimes(2);
    release();
    await job.stop();
  });

  it('DP-03 first runs within a minute by default, and its timer does not keep the process alive', async () => {
    const store = new MemorySubmissionStore();
    const list = vi.spyOn(store, 'list');
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const job = startRetentionJob({ store, tenants, logger: logSink().logger, intervalMs: 24 * HOUR });
    const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(list).toHaveBeenCalledTimes(1);
    await job.stop();
  });

  it('DP-03 stop() waits for the run under way, which stops early, and no run follows', async () => {
    const store = new MemorySubmissionStore();
    let release!: () => void;
    const list = vi
      .spyOn(store, 'list')
      .mockImplementation(
        () => new Promise<SubmissionPage>((resolve) => (release = () => resolve({ items: [], nextCursor: 'more' }))),
      );
    const job = startRetentionJob({ store, tenants, logger: logSink().logger, intervalMs: HOUR, firstRunDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(list).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    // The page says there is more, but the aborted run asks for no further page.
    release();
    await stopping;
    expect(list).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('DP-03 a failing store is logged without CPR numbers and the next run still comes', async () => {
    const store = new MemorySubmissionStore();
    const list = vi.spyOn(store, 'list').mockRejectedValue(new Error('store said 010190-1234 is broken'));
    const { logger, lines } = logSink();
    const job = startRetentionJob({ store, tenants, logger, intervalMs: HOUR, firstRunDelayMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(list).toHaveBeenCalledTimes(2);
    const text = lines.join('');
    expect(text).toContain('listing submissions failed');
    expect(text).toContain('[cpr-redacted]');
    expect(text).not.toContain('010190-1234');
    await job.stop();
  });

  it('DP-03 refuses an interval that is not a positive whole number of milliseconds a timer can hold', () => {
    const base = { store: new MemorySubmissionStore(), tenants, logger: logSink().logger };
    for (const intervalMs of [0, -1, 1.5, Number.NaN, 2 ** 31])
      expect(() => startRetentionJob({ ...base, intervalMs })).toThrow(RangeError);
    expect(() => startRetentionJob({ ...base, intervalMs: HOUR, firstRunDelayMs: -5 })).toThrow(RangeError);
  });
});
