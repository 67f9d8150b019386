import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A minimal form for the delivery tests, in its own schemas folder (SKEMA_SCHEMAS_DIR). */
export function writeHookForm(schemasDir: string): void {
  const dir = join(schemasDir, 'hooktest', '1.0.0');
  mkdirSync(join(dir, 'i18n'), { recursive: true });
  const json = (file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value));
  json('form.json', {
    id: 'hooktest',
    version: '1.0.0',
    title: { da: 'Hooktest', en: 'Hook test' },
    status: 'published',
    plugins: [],
    changelog: 'test',
  });
  json('schema.json', {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://skema.dk/schemas/hooktest/1.0.0/schema.json',
    type: 'object',
    additionalProperties: false,
    required: ['n'],
    properties: { n: { type: 'integer' } },
  });
  json('uischema.json', { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/n' }] });
  json('i18n/da.json', {});
  json('i18n/en.json', {});
}
