import { describe, expect, it } from 'vitest';
import { createAjv } from '../ajv.js';
import { createCaseContext } from '../case-context.js';
import { createUntrustedAjv } from '../untrusted/untrusted-ajv.js';
import { attachmentRefStatus, isAttachmentRef } from './attachment-ref.js';

const stored = { id: 'a1', fileName: 'ppv.pdf', mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) };

describe('x-skema-attachment', () => {
  it('is an annotation both compilers accept with true and refuse otherwise', () => {
    for (const ajv of [createAjv(), createUntrustedAjv()]) {
      const validate = ajv.compile({ type: 'object', 'x-skema-attachment': true });
      expect(validate({ id: 'x' })).toBe(true);
      expect(() => ajv.compile({ type: 'object', 'x-skema-attachment': 'yes' })).toThrow();
    }
  });

  it('recognises a reference by its required members', () => {
    expect(isAttachmentRef({ id: 'a1', fileName: 'x.pdf' })).toBe(true);
    expect(isAttachmentRef('x.pdf')).toBe(false);
    expect(isAttachmentRef({ id: '', fileName: 'x.pdf' })).toBe(false);
  });
});

describe('attachmentRefStatus', () => {
  it('is unverifiable outside a stored submission and a case', () => {
    expect(attachmentRefStatus({ id: 'a1', fileName: 'ppv.pdf' }, {})).toBe('unverifiable');
  });

  it('finds the submission’s own attachment and the case’s', () => {
    expect(
      attachmentRefStatus({ id: 'a1', fileName: 'ppv.pdf', sha256: 'a'.repeat(64) }, { attachments: [stored] }),
    ).toBe('found');
    const inCase = createCaseContext('c1', [], [{ ...stored, id: 'c-file' }]);
    expect(attachmentRefStatus({ id: 'c-file', fileName: 'ppv.pdf' }, { attachments: [], case: inCase })).toBe('found');
  });

  it('reports an unknown id and a differing fact', () => {
    expect(attachmentRefStatus({ id: 'nope', fileName: 'ppv.pdf' }, { attachments: [stored] })).toBe('unknown');
    expect(
      attachmentRefStatus({ id: 'a1', fileName: 'ppv.pdf', sha256: 'b'.repeat(64) }, { attachments: [stored] }),
    ).toBe('mismatch');
    expect(attachmentRefStatus({ id: 'a1', fileName: 'other.pdf' }, { attachments: [stored] })).toBe('mismatch');
  });

  it('cannot tell an id outside the case from the own files of loose data validated in a case', () => {
    expect(attachmentRefStatus({ id: 'nope', fileName: 'ppv.pdf' }, { case: createCaseContext('c1', [], []) })).toBe(
      'unverifiable',
    );
  });
});
