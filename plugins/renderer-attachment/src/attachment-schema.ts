import { and, isControl, schemaMatches, type JsonSchema, type RankedTester, type Tester } from '@jsonforms/core';
import { ATTACHMENT_KEYWORD, isAttachmentRef, type AttachmentRef } from '@skema/core';
import { pluginTester } from '@skema/react';

type Schema = JsonSchema & Record<string, unknown>;

/** A local `$ref` (`#/$defs/attachmentRef`) resolved against the form's root schema. */
function resolveLocal(schema: unknown, root: JsonSchema): Schema | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as Schema;
  if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/')) return s;
  let at: unknown = root;
  for (const part of s.$ref.slice(2).split('/')) {
    at =
      at && typeof at === 'object'
        ? (at as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
        : undefined;
  }
  return at && typeof at === 'object' ? (at as Schema) : undefined;
}

export const isAttachmentSchema = (schema: unknown, root: JsonSchema): boolean =>
  resolveLocal(schema, root)?.[ATTACHMENT_KEYWORD] === true;

const oneRef: Tester = schemaMatches((schema, root) => isAttachmentSchema(schema, root));
const listOfRefs: Tester = schemaMatches((schema, root) => {
  const s = resolveLocal(schema, root);
  return s?.type === 'array' && isAttachmentSchema(s.items, root);
});

/** One reference: an object schema with `"x-skema-attachment": true` (or `options.renderer: "attachment"`). */
export const attachmentTester: RankedTester = pluginTester('attachment', isControl, oneRef);

/** A list of references: an array whose items carry `"x-skema-attachment": true`. */
export const attachmentListTester: RankedTester = pluginTester('attachment-list', isControl, and(listOfRefs));

/** The references held at a field: one, several or none (anything else is left to validation). */
export function refsOf(data: unknown): AttachmentRef[] {
  if (Array.isArray(data)) return data.filter(isAttachmentRef);
  return isAttachmentRef(data) ? [data] : [];
}
