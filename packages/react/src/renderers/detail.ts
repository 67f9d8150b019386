import {
  findUISchema,
  type ControlElement,
  type JsonFormsUISchemaRegistryEntry,
  type JsonSchema,
  type UISchemaElement,
} from '@jsonforms/core';

/**
 * A plain detail layout for an object: one Control per property. Unlike JSON Forms' generator it
 * keeps nested objects as Controls, so their labels come from the form's texts, not the property name.
 */
export function generateDetail(schema: JsonSchema): UISchemaElement {
  const properties = (schema as { properties?: Record<string, unknown> }).properties ?? {};
  const elements: ControlElement[] = Object.keys(properties).map((name) => ({
    type: 'Control',
    scope: `#/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
  }));
  return { type: 'VerticalLayout', elements };
}

const detailCache = new WeakMap<object, UISchemaElement>();

/** The detail layout of an object Control or array item: `options.detail`, a registered UI schema, or a generated one. */
export function detailUiSchema(
  uischemas: JsonFormsUISchemaRegistryEntry[] | undefined,
  schema: JsonSchema,
  control: ControlElement,
  path: string,
  rootSchema: JsonSchema,
): UISchemaElement {
  return findUISchema(
    uischemas ?? [],
    schema,
    control.scope,
    path,
    () => {
      // Generated layouts are cached per schema so the child's uischema reference stays stable.
      let generated = detailCache.get(schema);
      if (!generated) {
        generated = generateDetail(schema);
        detailCache.set(schema, generated);
      }
      return generated;
    },
    control,
    rootSchema,
  );
}
