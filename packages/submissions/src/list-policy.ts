import { pointer as jsonPointer, sensitiveFieldsWithin, withoutSensitive, type SensitiveField } from '@skema/core';

/** What a list item shows of a submission's data. */
export interface ListedData {
  data: Record<string, unknown>;
  /** Pointers withheld from what the policy names (`['']`: all of the data). */
  redacted: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const unesc = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
const segmentsOf = (p: string) => (p === '' ? [] : p.split('/').slice(1).map(unesc));

/**
 * The records that identify a person: every object holding a CPR number (`barn`, each element of
 * `soeskende`, a form's root when its CPR field is there). All of such a record is personal data
 * (the name beside the number above all), so it is classified from the schema's CPR fields, for
 * every form version and without touching published schemas. As fields: `<record>/*`.
 */
export function identifyingFields(sensitive: readonly SensitiveField[]): SensitiveField[] {
  const records = new Set<string>();
  for (const f of sensitive) {
    if (!f.categories.includes('cpr')) continue;
    const segments = f.pointer.split('/');
    records.add(segments.slice(0, -1).join('/'));
  }
  return [...records].map((record) => ({ pointer: `${record}/*`, categories: [] }));
}

/** True when `named` lies inside a person record (the policy names that very field, e.g. `/barn/navn`). */
function namesFieldOfRecord(named: string[], records: readonly SensitiveField[]): boolean {
  return records.some((r) => {
    const record = segmentsOf(r.pointer).slice(0, -1);
    return named.length > record.length && record.every((s, i) => s === '*' || named[i] === '*' || s === named[i]);
  });
}

/** Every concrete pointer (with the value) the pattern (`*`: any element or member) matches in the data. */
function expand(data: unknown, pattern: string[]): Array<[string[], unknown]> {
  const out: Array<[string[], unknown]> = [];
  const walk = (node: unknown, i: number, at: string[]): void => {
    if (i === pattern.length) return void out.push([at, node]);
    const segment = pattern[i]!;
    if (Array.isArray(node)) {
      if (segment === '*') node.forEach((item, k) => walk(item, i + 1, [...at, String(k)]));
      else if (/^(0|[1-9]\d*)$/.test(segment) && Number(segment) < node.length)
        walk(node[Number(segment)], i + 1, [...at, segment]);
    } else if (isObj(node)) {
      if (segment === '*') for (const key of Object.keys(node)) walk(node[key], i + 1, [...at, key]);
      else if (Object.hasOwn(node, segment)) walk(node[segment], i + 1, [...at, segment]);
    }
  };
  walk(data, 0, []);
  return out;
}

/** Writes the value at the concrete pointer, creating the objects and arrays on the way as the source has them. */
function place(target: Obj, source: unknown, at: string[], value: unknown): void {
  let node: Obj | unknown[] = target;
  let from = source;
  for (let i = 0; i < at.length - 1; i++) {
    const key = at[i]!;
    from = Array.isArray(from) ? from[Number(key)] : (from as Obj)[key];
    const container = node as Obj;
    container[key] ??= Array.isArray(from) ? [] : {};
    node = container[key] as Obj | unknown[];
  }
  (node as Obj)[at[at.length - 1]!] = value;
}

/**
 * A list item's data under the tenant's list policy (spec DP-01, data minimisation): only the
 * fields the policy names for the form (`named`; none by default, so a list shows no data at all).
 * Of those, DP-02's sensitive values (CPR numbers, `x-skema-sensitive`) are always removed, and a
 * person record's fields (the name beside a CPR number) only show when the policy names the very
 * field (`/barn/navn`), never through a container it holds (`/barn`, `/soeskende`).
 */
export function listedData(data: unknown, named: readonly string[], sensitive: readonly SensitiveField[]): ListedData {
  if (named.length === 0) return { data: {}, redacted: isObj(data) && Object.keys(data).length === 0 ? [] : [''] };
  const records = identifyingFields(sensitive);
  const out: Obj = {};
  const redacted: string[] = [];
  for (const name of named) {
    const pattern = segmentsOf(name);
    if (pattern.length === 0) continue;
    const explicit = namesFieldOfRecord(pattern, records);
    for (const [at, value] of expand(data, pattern)) {
      const concrete = jsonPointer(...at);
      const withheld = [
        ...sensitiveFieldsWithin(sensitive, concrete),
        ...(explicit ? [] : sensitiveFieldsWithin(records, concrete)),
      ];
      const cleaned = withheld.length
        ? withoutSensitive(value, withheld)
        : { data: structuredClone(value), redacted: [] };
      if (cleaned.redacted.includes('')) {
        redacted.push(concrete);
        continue;
      }
      place(out, data, at, cleaned.data);
      for (const r of cleaned.redacted) redacted.push(`${concrete}${r}`);
    }
  }
  return { data: out, redacted };
}
