import { describe, expect, it } from 'vitest';
import { creatorText, subjectName } from './list-columns.js';

describe('submission list columns', () => {
  it('shows the first text the list policy lets through as the person concerned; nothing when it shows nothing', () => {
    expect(subjectName({ barn: { navn: 'Anna Ærø' } })).toBe('Anna Ærø');
    expect(subjectName({ borger: { navn: '  ' }, sag: { navn: 'Bo' } })).toBe('Bo');
    expect(subjectName({})).toBeUndefined();
    expect(subjectName({ barn: {} })).toBeUndefined();
  });

  it('names a person by name and a key as «API-nøgle»', () => {
    expect(creatorText({ createdBy: 'oidc:u1', creator: { kind: 'person', label: 'Sara Sagsbehandler' } })).toBe(
      'Sara Sagsbehandler',
    );
    expect(creatorText({ createdBy: 'demo-dev', creator: { kind: 'system', label: 'demo-dev' } })).toBe(
      'API-nøgle demo-dev',
    );
    expect(creatorText({ createdBy: 'demo-dev' })).toBe('demo-dev');
  });
});
