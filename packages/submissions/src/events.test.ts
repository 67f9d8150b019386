import { describe, expect, it } from 'vitest';
import type { ClaimedDelivery, WebhookSubscription } from '@skema/core';
import { actor, harness } from './test-harness.js';

const caseworker = actor('alpha-caseworker', 'caseworker');
const fagkonsulent = actor('alpha-fagkonsulent', 'fagkonsulent');
const everything: WebhookSubscription = {
  id: 'all',
  tenantId: 'alpha',
  url: 'https://esdh.example.dk/hooks',
  events: ['*'],
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  archive: true,
  enabled: true,
  source: 'api',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
};

/** Everything the store's outbox has for the tenant, in order (each delivered, so later ones follow). */
async function drain(h: ReturnType<typeof harness>): Promise<ClaimedDelivery[]> {
  const all: ClaimedDelivery[] = [];
  for (;;) {
    const claimed = await h.store.claimDeliveries('2100-01-01T00:00:00.000Z', 100, 60_000);
    if (!claimed.length) return all;
    for (const c of claimed)
      await h.store.completeDelivery(c.delivery.id, c.claimToken, {
        status: 'delivered',
        at: '2100-01-01T00:00:00.000Z',
      });
    all.push(...claimed);
  }
}

describe('outbox events of the use cases (issue #15)', () => {
  it('a create, status changes and a migration store their events with them, with small payloads and no data', async () => {
    const h = harness();
    await h.store.saveSubscription(everything);
    const { submission } = await h.submissions.create(
      caseworker,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn Hemmelig' } },
      'da',
    );
    await h.submissions.migrate(caseworker, submission.id, '1.1.0', 1, 'da');
    await h.submissions.changeStatus(caseworker, submission.id, 'submitted', 2, 'da');
    await h.submissions.changeStatus(fagkonsulent, submission.id, 'approved', 3, 'da');
    await h.submissions
      .setLegalHold(fagkonsulent, submission.id, { hold: true, reason: 'Sag 2026-17' }, 4)
      .catch(() => undefined);
    const events = (await drain(h)).map((c) => c.event);
    expect(events.map((e) => [e.type, e.payload.revision])).toEqual([
      ['submission.created', 1],
      ['submission.migrated', 2],
      ['submission.status-changed', 3],
      ['submission.submitted', 3],
      ['submission.document-ready', 3],
      ['submission.status-changed', 4],
      ['submission.approved', 4],
      ['submission.document-ready', 4],
    ]);
    expect(events[7]?.payload).toEqual({
      submissionId: submission.id,
      formId: 'sag',
      version: '1.1.0',
      revision: 4,
      status: 'approved',
      links: {
        submission: `/api/v1/submissions/${submission.id}`,
        document: `/api/v1/submissions/${submission.id}/document.pdf?revision=4`,
      },
    });
    expect(JSON.stringify(events)).not.toContain('Hemmelig');
  });

  it('a refused change stores no event', async () => {
    const h = harness();
    await h.store.saveSubscription(everything);
    const { submission } = await h.submissions.create(
      caseworker,
      { formId: 'sag', version: '1.0.0', status: 'draft', data: { navn: 'Testbarn' } },
      'da',
    );
    await drain(h);
    await expect(h.submissions.changeStatus(caseworker, submission.id, 'submitted', 7, 'da')).rejects.toThrow();
    await expect(h.submissions.update(caseworker, submission.id, { data: { navn: 42 } }, 1, 'da')).rejects.toThrow();
    expect(await drain(h)).toEqual([]);
  });
});
