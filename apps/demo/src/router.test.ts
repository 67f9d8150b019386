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
    expect(parseRoute('#/forms/underretning/1.0.0')).toEqual({ page: 'fill', formId: 'underretning', version: '1.0.0' });
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
