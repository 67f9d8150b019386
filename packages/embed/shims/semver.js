// The browser bundle only needs `semver.satisfies` (the engine checks plugin versions against the
// form's ranges); the full package is 28 KB. Handles the range forms Skema uses: exact, ^, ~, >=, x/*.
// The server, with the real semver, stays the authority.
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
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
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
  return String(range).split('||').some((alt) => alt.trim().split(/\s+/).every((part) => one(v, part)));
}
export default { satisfies };
