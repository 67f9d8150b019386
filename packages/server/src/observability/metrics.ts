import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const OWN_FORM_LABEL = 'own-form';

/** One Prometheus registry per app, so several apps (tests) never share counters. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'skema_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'skema_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly validations = new Counter({
    name: 'skema_validations_total',
    help: 'Validations by national form id (own-form for every tenant form) and outcome (valid, invalid)',
    labelNames: ['form', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly storeDuration = new Histogram({
    name: 'skema_store_operation_duration_seconds',
    help: 'Submission store operation latency by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  // One bound series per (form, outcome): hashing the labels on every validation costs more than counting.
  private readonly validationSeries = new Map<string, { inc(): void }>();

  /**
   * Counts one validation of a form. A tenant's own form is private to it: its id never becomes a
   * label (anyone reading the metrics would learn it); all own forms count as `own-form`.
   */
  countValidation(formId: string, valid: boolean, national: boolean): void {
    const form = national ? formId : OWN_FORM_LABEL;
    const outcome = valid ? 'valid' : 'invalid';
    const key = `${outcome} ${form}`;
    let series = this.validationSeries.get(key);
    if (!series) {
      series = this.validations.labels({ form, outcome });
      this.validationSeries.set(key, series);
    }
    series.inc();
  }

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }
}
