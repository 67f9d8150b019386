/** JSON Forms addresses data with dot paths (`barn.navn`, `maal.0.tekst`); the engine with JSON Pointers. */

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `barn.navn` → `/barn/navn`; the root path `''` → `''`. */
export function pathToPointer(path: string): string {
  if (!path) return '';
  return '/' + path.split('.').map(escapeSegment).join('/');
}

/** `/barn/navn` → `barn.navn`. */
export function pointerToPath(pointer: string): string {
  return pointerSegments(pointer).join('.');
}

export function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.split('/').slice(1).map(unescapeSegment);
}

/** `/a/b/c` → `/a/b`; the root has no parent. */
export function parentPointer(pointer: string): string | undefined {
  if (!pointer) return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** True when `pointer` is `ancestor` itself or lies below it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}

// Characters outside this set are spelled as code points so an id never needs CSS escaping.
const SAFE = /[^A-Za-z0-9_-]/g;

function idSegment(segment: string): string {
  return segment.replace(SAFE, (c) => `-${c.codePointAt(0)!.toString(16)}-`);
}

/**
 * The DOM id of the input for the field at a JSON Pointer: `/barn/cpr` → `skema-field__barn__cpr`.
 * Predictable, so error summary links, tests and host pages can address a field without the form.
 */
export function fieldId(pointer: string, prefix = 'skema'): string {
  return (
    `${prefix}-field` +
    pointerSegments(pointer)
      .map((s) => `__${idSegment(s)}`)
      .join('')
  );
}

/** The value at a JSON Pointer, or undefined. */
export function valueAtPointer(data: unknown, pointer: string): unknown {
  let node = data;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
