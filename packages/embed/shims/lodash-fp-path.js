// JSON Forms updates its data with lodash/fp's immutable `set` and `unset` (dot paths only); the fp
// build pulls in lodash's whole currying machinery (8 KB gzipped). Same behaviour: every object on
// the path is copied, a missing container is an array when the next key is an index.
const isIndex = (key) => /^(0|[1-9]\d*)$/.test(key);
const keysOf = (path) => (Array.isArray(path) ? path.map(String) : String(path).split('.'));

function copy(value, nextKey) {
  if (Array.isArray(value)) return value.slice();
  if (value !== null && typeof value === 'object') return { ...value };
  return isIndex(nextKey) ? [] : {};
}

function copyPath(object, keys) {
  const root = copy(object, keys[0]);
  let node = root;
  for (let i = 0; i < keys.length - 1; i++) {
    node[keys[i]] = copy(node[keys[i]], keys[i + 1]);
    node = node[keys[i]];
  }
  return { root, parent: node, last: keys[keys.length - 1] };
}

export function set(path, value, object) {
  const { root, parent, last } = copyPath(object, keysOf(path));
  parent[last] = value;
  return root;
}

export function unset(path, object) {
  const keys = keysOf(path);
  // A path that does not exist is left alone (no empty containers are created).
  let probe = object;
  for (const key of keys.slice(0, -1)) {
    probe = probe !== null && typeof probe === 'object' ? probe[key] : undefined;
    if (probe === null || typeof probe !== 'object') return copy(object, keys[0]);
  }
  const { root, parent, last } = copyPath(object, keys);
  delete parent[last];
  return root;
}
