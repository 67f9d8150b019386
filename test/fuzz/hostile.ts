/**
 * Hostile own forms and data for the fuzz test: the shapes that have stalled or crashed JSON Schema
 * validators (exponential applicator/`$ref` fan-out, backtracking regular expressions, quadratic
 * `uniqueItems`, huge enumerations, deep recursion), generated from a seed so a failure can be
 * replayed with the same `FUZZ_SEED`.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface HostileCase {
  /** What the case attacks, for the failure message. */
  name: string;
  /** The form's JSON Schema (root object with one or more properties). */
  schema: Record<string, Json>;
  /** Request bodies' `data` to validate against it, as JSON text (built before timing starts). */
  data: string[];
}

/** mulberry32: small, fast and good enough to pick shapes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Patterns known to backtrack exponentially or polynomially in a backtracking engine, plus random quantified groups. */
const EVIL_PATTERNS = [
  '^(a|a)*$',
  '^(\\w|\\d)+$',
  '^[a-z]+[a-z]+[a-z]+[a-z]+!$',
  '^(a+)+$',
  '^(a|aa)+$',
  '^(.*a){12}$',
  '^(a*)*b$',
  '(x+x+)+y',
  '^([a-zA-Z0-9]+\\s?)*$',
  '^(\\d+|\\d+\\.)*$',
];

function randomPattern(r: Rand): string {
  const atom = () => pick(r, ['a', '\\w', '[a-z]', '.', '(a|a)', '(a|aa)', '\\d?a']);
  const quant = () => pick(r, ['+', '*', '{1,30}', '+?']);
  let p = '';
  for (let i = int(r, 2, 5); i > 0; i--) p += `(${atom()}${quant()})${quant()}`;
  return `^${p}!$`;
}

/** Names that once hid a keyword from a name-based schema walk. */
const SNEAKY_NAMES = ['properties', 'pattern', 'items', '$defs', 'v'];

function patternCase(r: Rand, i: number): HostileCase {
  const pattern = r() < 0.6 ? pick(r, EVIL_PATTERNS) : randomPattern(r);
  const name = pick(r, SNEAKY_NAMES);
  const where = int(r, 0, 2);
  const field: Record<string, Json> = { type: 'string', pattern };
  const schema: Record<string, Json> =
    where === 0
      ? { properties: { [name]: field } }
      : where === 1
        ? { $defs: { [name]: field }, properties: { v: { $ref: `#/$defs/${name}` } } }
        : { properties: { v: { type: 'object', patternProperties: { [pattern]: { type: 'string' } } } } };
  const text = 'a'.repeat(int(r, 30, 5000));
  const key = where === 2 ? 'v' : where === 0 ? name : 'v';
  const value: Json = where === 2 ? { [`${text}!`]: 'x', [text]: 'y' } : `${text}!`;
  return {
    name: `pattern #${i} ${JSON.stringify(pattern)} (${['property', '$defs', 'patternProperties'][where]} ${name})`,
    schema,
    data: [JSON.stringify({ [key]: value })],
  };
}

function refChainCase(r: Rand, i: number): HostileCase {
  const depth = int(r, 15, 40);
  const fan = int(r, 2, 3);
  const applicator = pick(r, ['anyOf', 'oneOf', 'allOf']);
  const defs: Record<string, Json> = {};
  for (let d = 0; d < depth; d++) {
    const next = d + 1 < depth ? `#/$defs/d${d + 1}` : undefined;
    defs[`d${d}`] = next
      ? {
          [applicator]: Array.from({ length: fan }, (_, k) =>
            k === 0 ? { $ref: next } : { $ref: next, type: 'string' },
          ),
        }
      : { type: 'string', minLength: 2 };
  }
  return {
    name: `$ref chain #${i}: ${depth} levels of ${applicator} over ${fan} refs`,
    schema: { $defs: defs, properties: { v: { $ref: '#/$defs/d0' } } },
    data: [JSON.stringify({ v: 'y' }), JSON.stringify({ v: 1 })],
  };
}

function nestedApplicatorCase(r: Rand, i: number): HostileCase {
  // Inline nesting doubles the document per branching level: kept under the upload limit (the
  // exponential-through-$ref shapes are refChainCase's).
  let node: Json = { type: 'string', maxLength: 3 };
  const depth = int(r, 6, 10);
  for (let d = 0; d < depth; d++) {
    const kind = pick(r, ['anyOf', 'oneOf', 'allOf', 'not', 'if']);
    if (kind === 'not') node = { not: { not: node } };
    else if (kind === 'if') node = { if: node, then: node, else: node };
    else node = { [kind]: [node, node] };
  }
  return {
    name: `nested applicators #${i} (${depth} levels)`,
    schema: { properties: { v: node } },
    data: [JSON.stringify({ v: 'toolong' }), JSON.stringify({ v: 'ok' })],
  };
}

function uniqueItemsCase(r: Rand, i: number): HostileCase {
  const n = int(r, 20_000, 40_000);
  const items = Array.from({ length: n }, (_, k) => ({ a: k % 7, b: [k, { c: k }] }));
  return {
    name: `uniqueItems #${i} over ${n} untyped objects`,
    schema: { properties: { v: { type: 'array', uniqueItems: true } } },
    data: [JSON.stringify({ v: items })],
  };
}

function bigEnumCase(r: Rand, i: number): HostileCase {
  const n = int(r, 20_000, 40_000);
  const values = Array.from({ length: n }, (_, k) => `v${k}`);
  const many = Array.from({ length: 30_000 }, (_, k) => `x${k}`);
  return {
    name: `enum #${i} of ${n} values`,
    schema: { properties: { v: { type: 'array', items: { enum: values } } } },
    data: [JSON.stringify({ v: many })],
  };
}

function recursionCase(r: Rand, i: number): HostileCase {
  const depth = int(r, 5_000, 20_000);
  const deep = `${'{"n":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return {
    name: `recursive $ref #${i} with data ${depth} levels deep`,
    schema: {
      $defs: { node: { type: ['object', 'integer'], properties: { n: { $ref: '#/$defs/node' } } } },
      properties: { v: { $ref: '#/$defs/node' }, open: {} },
    },
    data: [`{"v":${deep}}`, `{"open":${deep}}`],
  };
}

const FAMILIES = [patternCase, refChainCase, nestedApplicatorCase, uniqueItemsCase, bigEnumCase, recursionCase];

/** `count` cases, every family in turn, shapes drawn from `seed`. */
export function hostileCases(seed: number, count: number): HostileCase[] {
  const r = prng(seed);
  return Array.from({ length: count }, (_, i) => FAMILIES[i % FAMILIES.length]!(r, i));
}

/** The form as the admin API takes it: the hostile schema as an own form with a label per field. */
export function ownFormDocument(c: HostileCase): Json {
  const properties = (c.schema.properties ?? {}) as Record<string, Json>;
  const labels = (lang: string) =>
    Object.fromEntries(Object.keys(properties).map((k) => [`${k}.label`, `${lang} ${k}`]));
  return {
    manifest: { title: { da: 'Fjendtlig formular', en: 'Hostile form' }, plugins: [], changelog: 'fuzz' },
    schema: { type: 'object', ...c.schema },
    uischema: {
      type: 'VerticalLayout',
      elements: Object.keys(properties).map((k) => ({
        type: 'Control',
        scope: `#/properties/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      })),
    },
    i18n: { da: labels('da'), en: labels('en') },
  };
}
