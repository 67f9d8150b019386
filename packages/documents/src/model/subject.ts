import { valueAt } from '@skema/core';
import { propertyNames, propertySchema, schemaType, type SchemaNode } from './schema-nodes.js';

/** The object naming the person a document concerns: its pointer, and the pointers of its name and CPR number. */
export interface SubjectFields {
  name?: string | undefined;
  cpr?: string | undefined;
}

function fieldsOf(root: SchemaNode, node: SchemaNode, at: string): SubjectFields | undefined {
  let cpr: string | undefined;
  let name: string | undefined;
  for (const key of propertyNames(root, node)) {
    const s = propertySchema(root, node, key) ?? {};
    if (s.format === 'cpr' && !cpr) cpr = `${at}/${key}`;
    if (key === 'navn' && schemaType(s) === 'string') name = `${at}/${key}`;
  }
  return cpr || name ? { name, cpr } : undefined;
}

function firstWithCpr(root: SchemaNode, node: SchemaNode, at: string, depth: number): SubjectFields | undefined {
  if (depth > 4) return undefined;
  const here = fieldsOf(root, node, at);
  if (here?.cpr) return here;
  for (const key of propertyNames(root, node)) {
    const s = propertySchema(root, node, key);
    // Arrays (siblings, participants) never name the person the whole document concerns.
    if (s && schemaType(s) === 'object') {
      const found = firstWithCpr(root, s, `${at}/${key}`, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Finds the fields that name the person the document concerns: at `subjectPath` when given, else
 * the first object (outside arrays) with a `format: "cpr"` field, else `/barn` or `/borger`.
 */
export function findSubject(root: SchemaNode, subjectPath?: string): SubjectFields | undefined {
  const at = (path: string): SubjectFields | undefined => {
    let node: SchemaNode | undefined = root;
    for (const seg of path.split('/').slice(1)) node = node ? propertySchema(root, node, seg) : undefined;
    return node ? fieldsOf(root, node, path) : undefined;
  };
  if (subjectPath !== undefined) return at(subjectPath);
  return firstWithCpr(root, root, '', 0) ?? at('/barn') ?? at('/borger');
}

export function subjectValues(data: unknown, fields: SubjectFields | undefined): { name?: string; cpr?: string } {
  if (!fields) return {};
  const name = fields.name ? valueAt(data, fields.name) : undefined;
  const cpr = fields.cpr ? valueAt(data, fields.cpr) : undefined;
  return {
    ...(typeof name === 'string' && name.trim() !== '' ? { name } : {}),
    ...(typeof cpr === 'string' && cpr.trim() !== '' ? { cpr } : {}),
  };
}
