import { describe, expect, it } from 'vitest';
import { matchesSearch, searchSegments, stringsAt, type SubmissionSearch } from './submission-search.js';

const search = (text: string, over: Partial<SubmissionSearch> = {}): SubmissionSearch => ({
  text,
  formIds: [],
  ids: [],
  fields: {},
  ...over,
});
const submission = {
  id: 'K-2026-0042',
  formId: 'underretning',
  data: { barn: { navn: 'Åse Ærø', cpr: '010118-1234' }, soeskende: [{ navn: 'Bo' }, { navn: 'Carl' }] },
};

describe('matchesSearch', () => {
  it('finds the text in the id, a named form, a named id, or the string at a named pointer', () => {
    expect(matchesSearch(submission, search('k-2026'))).toBe(true);
    expect(matchesSearch(submission, search('zz', { formIds: ['underretning'] }))).toBe(true);
    expect(matchesSearch(submission, search('zz', { ids: ['K-2026-0042'] }))).toBe(true);
    expect(matchesSearch(submission, search('ærø', { fields: { underretning: ['/barn/navn'] } }))).toBe(true);
    expect(matchesSearch(submission, search('carl', { fields: { underretning: ['/soeskende/*/navn'] } }))).toBe(true);
  });

  it('never looks where it is not told to: another form’s pointers, an unnamed field, an object at the pointer', () => {
    expect(matchesSearch(submission, search('010118', { fields: { underretning: ['/barn/navn'] } }))).toBe(false);
    expect(matchesSearch(submission, search('ærø', { fields: { visitation: ['/barn/navn'] } }))).toBe(false);
    expect(matchesSearch(submission, search('ærø', { fields: { underretning: ['/barn'] } }))).toBe(false);
    // `*` steps into arrays only; a number never indexes one (as PostgreSQL's strict path).
    expect(matchesSearch(submission, search('bo', { fields: { underretning: ['/soeskende/0/navn'] } }))).toBe(false);
  });

  it('reads pointer segments with ~1 and ~0', () => {
    expect(searchSegments('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(stringsAt({ 'a/b': 'x' }, searchSegments('/a~1b'))).toEqual(['x']);
  });
});
