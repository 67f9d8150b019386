import type { FormVersion } from '@skema/core';
import { describe, expect, it } from 'vitest';
import { fixtureSubmission } from '../test-helpers.js';
import type { Block } from './blocks.js';
import { buildDocumentModel } from './document-model.js';

// A «bilag» that references a stored file (x-skema-attachment) prints the file's name, type, size
// and a short SHA-256: never «[object Object]» and never the reference's members one by one.
const attachmentRef = {
  type: 'object',
  'x-skema-attachment': true,
  required: ['id', 'fileName'],
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    mediaType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
  },
  additionalProperties: false,
};
const form: FormVersion = {
  manifest: {
    id: 'bilagsform',
    version: '1.0.0',
    title: { da: 'Bilag', en: 'Attachments' },
    status: 'published',
    plugins: [],
    changelog: 'x',
  },
  hash: 'sha256-bilag',
  schema: {
    type: 'object',
    properties: {
      hovedbilag: { $ref: '#/$defs/attachmentRef' },
      bilag: {
        type: 'array',
        items: {
          type: 'object',
          properties: { type: { type: 'string' }, vedhaeftning: { $ref: '#/$defs/attachmentRef' } },
        },
      },
    },
    $defs: { attachmentRef },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Group',
        i18n: 'sections.bilag',
        elements: [
          { type: 'Control', scope: '#/properties/hovedbilag' },
          { type: 'Control', scope: '#/properties/bilag' },
        ],
      },
    ],
  },
  i18n: {
    da: {
      'sections.bilag.label': 'Bilag',
      'hovedbilag.label': 'Hovedbilag',
      'bilag.label': 'Bilag',
      'bilag.type.label': 'Type',
      'bilag.vedhaeftning.label': 'Vedhæftet fil',
    },
    en: {
      'sections.bilag.label': 'Attachments',
      'hovedbilag.label': 'Main attachment',
      'bilag.label': 'Attachments',
      'bilag.type.label': 'Type',
      'bilag.vedhaeftning.label': 'Attached file',
    },
  },
} as unknown as FormVersion;

const sha = '3f2a9c01' + '0'.repeat(52) + '9c1d';
const ppv = { id: 'a1', fileName: 'ppv-2026.pdf', mediaType: 'application/pdf', size: 123392, sha256: sha };
const data = {
  hovedbilag: ppv,
  bilag: [
    { type: 'PPV', vedhaeftning: ppv },
    { type: 'WISC', vedhaeftning: { id: 'a2', fileName: 'wisc-120514-9911.png', mediaType: 'image/png', size: 900 } },
  ],
};

const texts = (blocks: Block[]): string[] =>
  blocks.flatMap((b) =>
    b.kind === 'fields'
      ? b.rows.map((r) => `${r.label}: ${r.value}`)
      : b.kind === 'table'
        ? b.rows.map((r) => r.join(' | '))
        : b.kind === 'group'
          ? texts(b.blocks)
          : [],
  );

describe('attachment references in the document', () => {
  it('shows file name, type, size and a short SHA-256, in a field and in a table cell', () => {
    const model = buildDocumentModel({ form, submission: { ...fixtureSubmission, data }, locale: 'da' });
    const shown = texts(model.sections[0]!.blocks);
    expect(shown).toContain('Hovedbilag: ppv-2026.pdf (PDF, 120,5 kB, SHA-256 3f2a9c01…9c1d)');
    expect(shown).toContain('PPV | ppv-2026.pdf (PDF, 120,5 kB, SHA-256 3f2a9c01…9c1d)');
    expect(JSON.stringify(model)).not.toContain('[object Object]');
  });

  it('masks a CPR number in a file name unless the tenant shows CPR numbers', () => {
    const masked = JSON.stringify(
      buildDocumentModel({ form, submission: { ...fixtureSubmission, data }, locale: 'da' }),
    );
    expect(masked).toContain('wisc-120514-XXXX.png (PNG, 900 B)');
    expect(masked).not.toContain('9911');
    const shown = JSON.stringify(
      buildDocumentModel({
        form,
        submission: { ...fixtureSubmission, data },
        locale: 'en',
        options: { showCpr: true },
      }),
    );
    expect(shown).toContain('wisc-120514-9911.png (PNG, 900 B)');
  });
});
