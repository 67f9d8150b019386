import { describe, expect, it } from 'vitest';
import {
  fieldName,
  overlayStart,
  ownFields,
  parseOverlayText,
  withListed,
  withOwnField,
  withoutOwnField,
  withText,
  withTitle,
} from './overlay-draft.js';

const base = { manifest: { id: 'indsatsplan', version: '2.1.0' }, schema: {}, uischema: {}, i18n: {}, hash: 'h' };

describe('overlayStart', () => {
  it('starts from the overlay in effect (git or API), so the next version keeps its changes', () => {
    const overlay = { tenantId: 'nordby', formId: 'aftaleskema', version: '1.0.0', baseVersion: '1.0.0', hide: ['/x'] };
    const start = overlayStart({
      tenantId: 'nordby',
      formId: 'aftaleskema',
      source: 'git',
      version: '1.0.0',
      overlay,
      base,
    });
    expect(start).toEqual(overlay);
    expect(start).not.toBe(overlay);
  });

  it('without one, an empty overlay of the base version’s major for the key’s tenant', () => {
    expect(overlayStart({ tenantId: 'ringsted', formId: 'indsatsplan', source: 'none', base })).toEqual({
      tenantId: 'ringsted',
      formId: 'indsatsplan',
      version: '1.0.0',
      baseVersion: '^2.0.0',
      texts: { da: {}, en: {} },
    });
  });
});

describe('edits', () => {
  it('withListed adds and removes a field, leaving out an empty list', () => {
    const hidden = withListed({ hide: ['/a'] }, 'hide', '/b', true);
    expect(hidden).toEqual({ hide: ['/a', '/b'] });
    expect(withListed(withListed(hidden, 'hide', '/a', false), 'hide', '/b', false)).toEqual({});
  });

  it('withText keeps other texts and English, and drops a text equal to the national one or empty', () => {
    const draft = { texts: { da: { a: 'A' }, en: { a: 'A en' } } };
    expect(withText(draft, 'b.label', 'Nyt', 'Gammelt')).toEqual({
      texts: { da: { a: 'A', 'b.label': 'Nyt' }, en: { a: 'A en' } },
    });
    expect(withText(draft, 'a', 'Nationalt', 'Nationalt')).toEqual({ texts: { da: {}, en: { a: 'A en' } } });
    expect(withText(draft, 'a', '  ', 'Nationalt')).toEqual({ texts: { da: {}, en: { a: 'A en' } } });
  });

  it('withTitle sets the Danish title and keeps the English one', () => {
    expect(withTitle({ title: { en: 'E' } }, 'Ny titel', 'National')).toEqual({ title: { en: 'E', da: 'Ny titel' } });
    expect(withTitle({ title: { da: 'X' } }, 'National', 'National')).toEqual({});
  });

  it('adds an own field with its label in both languages and its requirement, and removes it again', () => {
    const draft = withOwnField({ texts: { da: {}, en: {} } }, 'ringsted', {
      label: 'Mødested i Ringsted',
      type: 'text',
      required: true,
    });
    expect(draft.fields).toEqual({
      properties: { moedestedIRingsted: { type: 'string', maxLength: 1000 } },
      required: ['moedestedIRingsted'],
    });
    expect(draft.texts).toEqual({
      da: { 'x-ringsted.moedestedIRingsted.label': 'Mødested i Ringsted' },
      en: { 'x-ringsted.moedestedIRingsted.label': 'Mødested i Ringsted' },
    });
    expect(ownFields(draft, 'ringsted')).toEqual([
      { name: 'moedestedIRingsted', label: 'Mødested i Ringsted', required: true },
    ]);
    const twice = withOwnField(draft, 'ringsted', { label: 'Mødested i Ringsted', type: 'yesno', required: false });
    expect(Object.keys((twice.fields as { properties: object }).properties)).toEqual([
      'moedestedIRingsted',
      'moedestedIRingsted2',
    ]);
    expect(withoutOwnField(draft, 'ringsted', 'moedestedIRingsted')).toEqual({ texts: { da: {}, en: {} } });
  });

  it('fieldName makes a property name of any label', () => {
    expect(fieldName('Æble på øen')).toBe('aeblePaaOeen');
    expect(fieldName('2. kontakt')).toBe('felt2Kontakt');
  });
});

describe('parseOverlayText', () => {
  it('accepts an object', () => {
    expect(parseOverlayText('{ "formId": "indsatsplan" }')).toEqual({ ok: true, document: { formId: 'indsatsplan' } });
  });

  it('says in Danish where the JSON breaks and what was expected there', () => {
    expect(parseOverlayText('{ "formId": ')).toEqual({
      ok: false,
      message: expect.stringMatching(/^Teksten er ikke gyldig JSON.*: teksten slutter for tidligt/),
    });
    expect(parseOverlayText('{\n  "hide": ["/a"]\n  "require": []\n}')).toEqual({
      ok: false,
      message:
        'Teksten er ikke gyldig JSON (linje 3, tegn 3): her skulle stå et komma (,) før næste felt, eller } til sidst.',
    });
    expect(parseOverlayText('{ hide: 1 }')).toEqual({
      ok: false,
      message: expect.stringContaining('feltnavn i anførselstegn'),
    });
    expect(parseOverlayText('[1]')).toEqual({
      ok: false,
      message: 'Indstillingerne skal være ét JSON-objekt, der begynder med { og slutter med }.',
    });
    expect(parseOverlayText('null').ok).toBe(false);
  });
});
