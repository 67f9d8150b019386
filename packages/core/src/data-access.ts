/** The value at a JSON Pointer, or undefined when any step is missing. For rules reading untrusted data. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = /^\d+$/.test(key) ? node[Number(key)] : undefined;
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, key)) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

/** True when a field counts as filled in: a non-blank string, a number, a boolean, a non-empty array or object. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The array at a pointer, or an empty array when absent or not an array. */
export function arrayAt(data: unknown, pointer: string): unknown[] {
  const v = valueAt(data, pointer);
  return Array.isArray(v) ? v : [];
}

/** The string at a pointer, or undefined. */
export function stringAt(data: unknown, pointer: string): string | undefined {
  const v = valueAt(data, pointer);
  return typeof v === 'string' ? v : undefined;
}

/** Builds a JSON Pointer from segments, escaping `~` and `/`. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
