import { describe, expect, it } from 'vitest';
import { readLock, verifyLock } from './lock.js';
import { loadForms } from './load.js';
import { schemasDir } from './paths.js';

describe('forms.lock.json', () => {
  it('records every published version with its unchanged content hash', () => {
    const problems = verifyLock(loadForms(schemasDir()), readLock());
    expect(problems.map((p) => p.message)).toEqual([]);
  });

  it('notices a changed published version', () => {
    const forms = loadForms(schemasDir()).filter((f) => f.manifest.status !== 'draft');
    if (forms.length === 0) return;
    const tampered = forms.map((f, i) => (i === 0 ? { ...f, hash: `${f.hash}x` } : f));
    expect(verifyLock(tampered, readLock())).toHaveLength(1);
  });
});
