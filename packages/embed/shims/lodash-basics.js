// The small lodash functions JSON Forms core calls (on JSON data, schemas and UI schemas), without
// lodash's shared machinery (typed arrays, Map caches, native checks). Each one behaves like lodash
// for those inputs; shims.test.mjs compares them with the real ones.
const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isArrayLike = (v) => v != null && typeof v !== 'function' && Number.isInteger(v.length) && v.length >= 0;

const PROP = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
const DEEP = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const PLAIN = /^\w*$/;

function toPath(path, object) {
  if (Array.isArray(path)) return path;
  if (typeof path === 'number' || typeof path === 'symbol') return [path];
  const s = String(path);
  if (PLAIN.test(s) || !DEEP.test(s) || (object != null && s in Object(object))) return [s];
  const out = [];
  if (s.charCodeAt(0) === 46) out.push('');
  s.replace(PROP, (match, number, quote, sub) => {
    out.push(quote ? sub.replace(/\\(\\)?/g, '$1') : number || match);
    return match;
  });
  return out;
}

export function get(object, path, fallback) {
  let node = object;
  for (const key of toPath(path, object)) {
    if (node == null) return fallback;
    node = node[typeof key === 'symbol' ? key : String(key)];
  }
  return node === undefined ? fallback : node;
}

export function has(object, path) {
  if (object == null) return false;
  let node = object;
  const path_ = toPath(path, object);
  for (let i = 0; i < path_.length; i++) {
    const key = path_[i];
    if (node == null) return false;
    if (!own(Object(node), key)) {
      // As lodash: a hole in an array still counts as an index the array has.
      return (
        i === path_.length - 1 &&
        Array.isArray(node) &&
        /^(?:0|[1-9]\d*)$/.test(String(key)) &&
        Number(key) < node.length
      );
    }
    node = node[key];
  }
  return path_.length > 0;
}

export function isEmpty(value) {
  if (value == null) return true;
  if (isArrayLike(value) && (Array.isArray(value) || typeof value === 'string' || typeof value.splice === 'function'))
    return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  for (const key in value) if (own(value, key)) return false;
  return true;
}

export const keys = (object) => (object == null ? [] : Object.keys(Object(object)));

export function range(start, end, step) {
  if (end === undefined) [start, end] = [0, start];
  start = Number(start) || 0;
  end = Number(end) || 0;
  step = step === undefined ? (start < end ? 1 : -1) : Number(step) || 0;
  const length = Math.max(Math.ceil((end - start) / (step || 1)), 0);
  return Array.from({ length }, (_, i) => start + i * step);
}

export function includes(collection, value, fromIndex = 0) {
  const list = isArrayLike(collection) ? collection : collection == null ? [] : Object.values(collection);
  if (typeof list === 'string') return list.indexOf(value, fromIndex) > -1;
  return Array.prototype.includes.call(list, value, fromIndex < 0 ? Math.max(list.length + fromIndex, 0) : fromIndex);
}

export function reduce(collection, iteratee, ...initial) {
  const entries = Array.isArray(collection)
    ? collection.map((v, i) => [i, v])
    : collection == null
      ? []
      : Object.entries(collection);
  let started = initial.length > 0;
  let acc = initial[0];
  for (const [key, value] of entries) {
    if (!started) {
      acc = value;
      started = true;
    } else acc = iteratee(acc, value, key, collection);
  }
  return acc;
}

export function remove(array, predicate) {
  const removed = [];
  if (!array || !array.length) return removed;
  const indexes = [];
  array.forEach((value, index) => {
    if (predicate(value, index, array)) {
      removed.push(value);
      indexes.push(index);
    }
  });
  for (let i = indexes.length - 1; i >= 0; i--) array.splice(indexes[i], 1);
  return removed;
}

export const isFunction = (value) => typeof value === 'function';
export const isUndefined = (value) => value === undefined;
export const endsWith = (string, target, position) => String(string ?? '').endsWith(String(target), position);
export const last = (array) => (array != null && array.length ? array[array.length - 1] : undefined);
export const toPairs = (object) => (object == null ? [] : Object.entries(Object(object)));
