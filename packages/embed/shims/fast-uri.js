// Ajv resolves `$id`/`$ref` with fast-uri (17 KB). Form schemas only use absolute https ids, local
// `#/$defs/…` references and the JSON Schema meta-schemas, which the platform URL parser covers.
function parse(uri) {
  const text = String(uri);
  const i = text.indexOf('#');
  return i < 0 ? { href: text, fragment: undefined } : { href: text.slice(0, i), fragment: text.slice(i + 1) };
}
function serialize(parts) {
  return parts.href + (parts.fragment === undefined ? '' : `#${parts.fragment}`);
}
function resolve(base, ref) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return ref;
  if (ref.startsWith('#')) return parse(base).href + ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}
function equal(a, b) {
  return serialize(parse(a)) === serialize(parse(b));
}
const uri = { parse, serialize, resolve, equal, normalize: (u) => serialize(parse(u)) };
export default uri;
export { parse, serialize, resolve, equal };
