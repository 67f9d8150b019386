import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.js';

describe('parseRoute', () => {
  it('routes #/admin and #/admin/<formId> to the form configuration page', () => {
    expect(parseRoute('#/admin')).toEqual({ page: 'admin' });
    expect(parseRoute('#/admin/')).toEqual({ page: 'admin' });
    expect(parseRoute('#/admin/indsatsplan')).toEqual({ page: 'admin', formId: 'indsatsplan' });
    expect(parseRoute('#/admin/form%20x')).toEqual({ page: 'admin', formId: 'form x' });
  });

  it('keeps the other routes', () => {
    expect(parseRoute('#/forms/underretning/1.0.0')).toEqual({
      page: 'fill',
      formId: 'underretning',
      version: '1.0.0',
    });
    expect(parseRoute('#/submissions?form=underretning')).toEqual({ page: 'submissions', formId: 'underretning' });
    expect(parseRoute('#/administration')).toEqual({ page: 'catalogue' });
    expect(parseRoute('')).toEqual({ page: 'catalogue' });
  });
});

describe('worklist route', () => {
  it('#/frister is «Mine frister»', () => {
    expect(parseRoute('#/frister')).toEqual({ page: 'worklist' });
  });
});

describe('deliveries and the old print address', () => {
  it('#/leveringer is the deliveries page', () => {
    expect(parseRoute('#/leveringer')).toEqual({ page: 'deliveries' });
  });

  it('an old print address opens the submission, whose receipt offers the PDF document', () => {
    expect(parseRoute('#/submissions/abc/print')).toEqual({ page: 'submission', id: 'abc' });
  });
});

describe('case routes', () => {
  it('#/sager/ny?fra={id} creates a case from a submission, #/sager/{id} is the case', () => {
    expect(parseRoute('#/sager/ny?fra=abc')).toEqual({ page: 'newCase', from: 'abc' });
    expect(parseRoute('#/sager/ny')).toEqual({ page: 'newCase' });
    expect(parseRoute('#/sager/c%201')).toEqual({ page: 'case', id: 'c 1' });
  });

  it('#/sager/{id}/skema/{formId} fills a form in the case, new or stored', () => {
    expect(parseRoute('#/sager/c1/skema/leveranceaftale')).toEqual({
      page: 'caseForm',
      id: 'c1',
      formId: 'leveranceaftale',
    });
    expect(parseRoute('#/sager/c1/skema/leveranceaftale?submission=s9')).toEqual({
      page: 'caseForm',
      id: 'c1',
      formId: 'leveranceaftale',
      submissionId: 's9',
    });
  });
});
