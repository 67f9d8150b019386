import type { FormVersion } from '../form.js';
import { formContentHash } from '../hash.js';

/** A small form version for diff tests; `edit` changes a deep copy before the hash is computed. */
export function testForm(version: string, edit: (form: Omit<FormVersion, 'hash'>) => void = () => {}): FormVersion {
  const form: Omit<FormVersion, 'hash'> = {
    manifest: {
      id: 'testskema',
      version,
      title: { da: 'Testskema', en: 'Test form' },
      status: 'published',
      plugins: [{ name: '@skema/plugin-dk', version: '^1.0.0' }],
      changelog: { da: 'Første version.', en: 'First version.' },
    },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://skema.dk/schemas/testskema/${version}/schema.json`,
      type: 'object',
      properties: { navn: { type: 'string', minLength: 1 }, status: { type: 'string', enum: ['Ny', 'Lukket'] } },
      required: ['navn'],
      additionalProperties: false,
    },
    uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/navn' }] },
    i18n: { da: { 'navn.label': 'Navn' }, en: { 'navn.label': 'Name' } },
    examples: { valid: [{ name: 'simpel', data: { navn: 'A' } }], invalid: [] },
  };
  const copy = structuredClone(form);
  edit(copy);
  return { ...copy, hash: formContentHash(copy) };
}
