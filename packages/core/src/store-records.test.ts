import { describe, expect, it } from 'vitest';
import type { Submission, SubmissionChange, SubmissionRevision } from './store.js';
import { assertChangeShape, statusChangedAtAfter, statusEnteredAt, submissionFromInput } from './store-records.js';

const receipt = { formId: 'f', version: '1.0.0', schemaHash: 'h', plugins: [], validatedAt: '2026-01-01T00:00:00Z' };
const change = (over: Partial<SubmissionChange>): SubmissionChange => ({
  expectedRevision: 1,
  receipt,
  action: 'update',
  changes: [],
  by: 'k',
  at: '2026-02-01T00:00:00.000Z',
  ...over,
});
const stored: Submission = {
  ...submissionFromInput({
    id: 's',
    tenantId: 't',
    formId: 'f',
    version: '1.0.0',
    status: 'submitted',
    data: {},
    receipt,
    by: 'k',
    at: '2026-01-01T01:00:00+01:00',
  }),
};
const revision = (revision: number, status: SubmissionRevision['status'], at: string): SubmissionRevision => ({
  submissionId: 's',
  revision,
  formId: 'f',
  version: '1.0.0',
  status,
  data: {},
  receipt,
  by: 'k',
  at,
  changes: [],
  action: revision === 1 ? 'create' : 'update',
});

describe('store records', () => {
  it('a new submission entered its status when it was created', () => {
    expect(stored).toMatchObject({
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      statusChangedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('statusChangedAt moves only with a different status', () => {
    const at = '2026-02-01T00:00:00.000Z';
    expect(statusChangedAtAfter(stored, change({ status: 'approved' }), at)).toBe(at);
    expect(statusChangedAtAfter(stored, change({ status: 'submitted' }), at)).toBe('2026-01-01T00:00:00.000Z');
    expect(statusChangedAtAfter(stored, change({ data: { x: 1 } }), at)).toBe('2026-01-01T00:00:00.000Z');
    const { statusChangedAt: _, ...legacy } = { ...stored, updatedAt: '2026-01-05T00:00:00.000Z' };
    expect(statusChangedAtAfter(legacy, change({ data: {} }), at)).toBe('2026-01-05T00:00:00.000Z');
  });

  it('derives when the last status was entered from the revisions', () => {
    expect(statusEnteredAt([])).toBeUndefined();
    expect(statusEnteredAt([revision(1, 'submitted', 'a')])).toBe('a');
    const history = [
      revision(1, 'draft', 'a'),
      revision(2, 'submitted', 'b'),
      revision(3, 'approved', 'c'),
      revision(4, 'approved', 'd'),
      revision(5, 'approved', 'e'),
    ];
    expect(statusEnteredAt(history)).toBe('c');
    expect(statusEnteredAt([...history.slice(0, 2), revision(3, 'draft', 'c'), revision(4, 'submitted', 'd')])).toBe(
      'd',
    );
  });

  it('a legal hold is changed only by a legal-hold change that touches nothing else', () => {
    expect(() => assertChangeShape(change({ action: 'legal-hold', legalHold: true }))).not.toThrow();
    expect(() => assertChangeShape(change({ action: 'legal-hold', legalHold: false }))).not.toThrow();
    expect(() => assertChangeShape(change({ data: {} }))).not.toThrow();
    expect(() => assertChangeShape(change({ action: 'legal-hold' }))).toThrow(/needs legalHold/);
    expect(() => assertChangeShape(change({ action: 'legal-hold', legalHold: true, status: 'approved' }))).toThrow(
      /must not change/,
    );
    expect(() => assertChangeShape(change({ action: 'legal-hold', legalHold: true, data: {} }))).toThrow(
      /must not change/,
    );
    expect(() => assertChangeShape(change({ action: 'update', legalHold: true }))).toThrow(
      /only with action legal-hold/,
    );
  });
});
