import { runRetention, type RetentionOptions } from './retention-job.js';

/** setTimeout's largest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

export interface RetentionScheduleOptions extends Omit<RetentionOptions, 'signal'> {
  /** Time from the end of one run to the start of the next. */
  intervalMs: number;
  /**
   * Delay before the first run. Default: the interval, capped at one minute, so a server that is
   * restarted more often than the interval still runs the job.
   */
  firstRunDelayMs?: number;
}

export interface RetentionJob {
  /** No further runs; a run under way stops at its next submission. Resolves when it has. */
  stop(): Promise<void>;
}

/**
 * Runs `runRetention` on a timer. The next run is scheduled only when the previous one has ended,
 * so runs never overlap; the timer is unref'd so it never keeps the process alive.
 */
export function startRetentionJob(options: RetentionScheduleOptions): RetentionJob {
  const { intervalMs, firstRunDelayMs = Math.min(intervalMs, 60_000), ...runOptions } = options;
  for (const [name, value] of [
    ['intervalMs', intervalMs],
    ['firstRunDelayMs', firstRunDelayMs],
  ] as const) {
    if (!Number.isInteger(value) || value < (name === 'intervalMs' ? 1 : 0) || value > MAX_TIMER_MS) {
      throw new RangeError(
        `retention ${name} must be an integer from ${name === 'intervalMs' ? 1 : 0} to ${MAX_TIMER_MS} ms, got ${value}`,
      );
    }
  }
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const schedule = (delay: number): void => {
    if (abort.signal.aborted) return;
    timer = setTimeout(run, delay);
    timer.unref();
  };
  const run = (): void => {
    timer = undefined;
    running = runRetention({ ...runOptions, signal: abort.signal })
      .then(
        () => undefined,
        (e: unknown) => runOptions.logger.error({ err: e }, 'retention run failed'),
      )
      .finally(() => {
        running = undefined;
        schedule(intervalMs);
      });
  };

  schedule(firstRunDelayMs);
  return {
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
