import { Writable } from 'node:stream';
import {
  FormRegistry,
  SkemaEngine,
  TenantForms,
  formContentHash,
  type FormVersion,
  type SkemaPlugin,
} from '@skema/core';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { MemorySubmissionStore } from '../testing/memory-store.js';
import { runDeadlineScan } from './deadline-job.js';

const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

/** A form whose rule derives a deadline on the date in `frist`. */
const plugin: SkemaPlugin = {
  name: 'test-deadlines',
  version: '1.0.0',
  deadlines: [
    {
      id: 'DL-01',
      appliesTo: ['frister'],
      description: { da: 'Frist', en: 'Deadline' },
      source: 'test',
      derive: (data: unknown) => {
        const frist = (data as { frist?: string }).frist;
        return frist
          ? [
              {
                path: '/frist',
                label: { da: 'Frist', en: 'Deadline' },
                due: frist,
                basis: { from: frist, amount: 0, unit: 'dage' as const },
              },
            ]
          : [];
      },
    },
  ],
};

function form(): FormVersion {
  const f: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'frister',
      version: '1.0.0',
      title: { da: 'Frister', en: 'Deadlines' },
      status: 'published',
      plugins: [{ name: 'test-deadlines', version: '^1.0.0' }],
      changelog: 't',
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://skema.dk/test/frister/1.0.0',
      type: 'object',
      properties: { frist: { type: 'string' } },
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: { da: {}, en: {} },
  };
  return { ...f, hash: formContentHash(f) };
}

describe('deadline.due', () => {
  it('emits one event per near or overdue deadline, however often it runs', async () => {
    const store = new MemorySubmissionStore();
    const registry = new FormRegistry([form()]);
    const engine = new SkemaEngine({ plugins: [plugin] });
    const receipt = {
      formId: 'frister',
      version: '1.0.0',
      schemaHash: 'h',
      plugins: [],
      validatedAt: '2026-03-01T00:00:00.000Z',
    };
    for (const [id, frist] of [
      ['near', '2026-03-03'],
      ['far', '2026-04-30'],
      ['over', '2026-02-01'],
    ] as const) {
      await store.create(
        {
          id,
          tenantId: 'alpha',
          formId: 'frister',
          version: '1.0.0',
          status: 'submitted',
          data: { frist },
          receipt,
          by: 'k',
          at: '2026-03-01T00:00:00.000Z',
        },
        { tenantId: 'alpha', at: '2026-03-01T00:00:00.000Z', actor: 'k', action: 'create' },
      );
    }
    await store.saveSubscription({
      id: 'r',
      tenantId: 'alpha',
      url: 'https://x.example/',
      events: ['deadline.due'],
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      archive: false,
      enabled: true,
      source: 'api',
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    const options = {
      store,
      forms: () => new TenantForms(registry, new Map()),
      validator: {
        validate: async (
          f: FormVersion,
          data: unknown,
          o: { locale: 'da' | 'en'; mode: 'draft' | 'submitted'; now: Date },
        ) => engine.validate(f, data, { locale: o.locale, mode: o.mode, now: o.now }),
      },
      tenants: [{ tenantId: 'alpha', id: 'deadline-job', roles: [], ruleOptions: {} }],
      now: () => new Date('2026-03-01T08:00:00.000Z'),
      logger,
    };
    expect(await runDeadlineScan(options)).toBe(2);
    expect(await runDeadlineScan(options)).toBe(0);
    const claimed = await store.claimDeliveries('2026-03-01T08:00:00.000Z', 10, 1000);
    expect(
      claimed.map((c) => [c.event.submissionId, (c.event.payload.deadline as { due: string }).due]).sort(),
    ).toEqual([
      ['near', '2026-03-03'],
      ['over', '2026-02-01'],
    ]);
  });
});
