interface Segment {
  key: string;
  /** The array index the segment names, or -1 when it is not a non-negative integer. */
  index: number;
}

// Rules read the same few pointers on every validation; parsing each once saves most of their
// cost. Pointers with array indices vary with the data, so the cache is bounded.
const MAX_CACHED_POINTERS = 10_000;
const parsedPointers = new Map<string, readonly Segment[]>();

function segmentsOf(pointer: string): readonly Segment[] {
  let segments = parsedPointers.get(pointer);
  if (segments === undefined) {
    segments = pointer
      .split('/')
      .slice(1)
      .map((raw) => {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        return { key, index: /^\d+$/.test(key) ? Number(key) : -1 };
      });
    if (parsedPointers.size >= MAX_CACHED_POINTERS) parsedPointers.clear();
    parsedPointers.set(pointer, segments);
  }
  return segments;
}

/** The value at a JSON Pointer, or undefined when any step is missing. For rules reading untrusted data. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '') return data;
  let node: unknown = data;
  for (const { key, index } of segmentsOf(pointer)) {
    if (Array.isArray(node)) node = index >= 0 ? node[index] : undefined;
    else if (typeof node === 'object' && node !== null && Object.hasOwn(node, key))
      node = (node as Record<string, unknown>)[key];
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
