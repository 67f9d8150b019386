// The browser bundle needs `semver.satisfies` (the engine checks plugin versions against the
// form's ranges), and `valid` and `compare` (core's compareVersions, which rules use to apply from a
// form version on); the full package is 28 KB. Handles the range forms Skema uses: exact, ^, ~, >=,
// x/*, and plain release versions (no pre-release ordering). The server, with the real semver, stays the authority.
function parse(v) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(v).trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
function cmp(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
function one(version, range) {
  const r = range.trim();
  if (r === '' || r === '*' || r === 'x') return true;
  const op = /^(\^|~|>=|<=|>|<|=)?\s*v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(r);
  if (!op) return true;
  const [, kind = '', ma, mi, pa] = op;
  const wild = (s) => s === undefined || s === 'x' || s === '*';
  const base = [Number(wild(ma) ? 0 : ma), Number(wild(mi) ? 0 : mi), Number(wild(pa) ? 0 : pa)];
  const c = cmp(version, base);
  switch (kind) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '^':
      if (c < 0) return false;
      if (base[0] > 0 || wild(mi)) return version[0] === base[0];
      if (base[1] > 0 || wild(pa)) return version[0] === 0 && version[1] === base[1];
      return cmp(version, base) === 0;
    case '~':
      return c >= 0 && version[0] === base[0] && (wild(mi) || version[1] === base[1]);
    default:
      if (wild(ma)) return true;
      if (wild(mi)) return version[0] === base[0];
      if (wild(pa)) return version[0] === base[0] && version[1] === base[1];
      return c === 0;
  }
}
export function satisfies(version, range) {
  const v = parse(version);
  if (!v) return false;
  return String(range)
    .split('||')
    .some((alt) =>
      alt
        .trim()
        .split(/\s+/)
        .every((part) => one(v, part)),
    );
}
const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]+)?$/;

/** The normalized version (`1.2.3`, `1.0.0-rc.1`) when it is a valid semantic version, else null. */
export function valid(version) {
  const v = typeof version === 'string' ? VERSION.exec(version.trim()) : null;
  return v ? `${Number(v[1])}.${Number(v[2])}.${Number(v[3])}${v[4] ? `-${v[4]}` : ''}` : null;
}

function preCmp(a, b) {
  // A release sorts after its pre-releases; identifiers compare numerically, else as text.
  if (!a || !b) return a === b ? 0 : a ? -1 : 1;
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    const nx = /^\d+$/.test(x[i]);
    const ny = /^\d+$/.test(y[i]);
    if (nx && ny && Number(x[i]) !== Number(y[i])) return Number(x[i]) < Number(y[i]) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

export function compare(a, b) {
  const x = VERSION.exec(String(a).trim());
  const y = VERSION.exec(String(b).trim());
  return cmp(parse(a), parse(b)) || preCmp(x?.[4], y?.[4]);
}
export default { satisfies, valid, compare };
