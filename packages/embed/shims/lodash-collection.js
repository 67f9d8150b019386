// lodash/find, filter and maxBy as JSON Forms calls them: always with a function predicate, on an
// array, an object's values or nothing. lodash's iteratee shorthands (matches, property paths) pull
// its deep-equality and path code into the bundle; no caller here uses them.
const values = (collection) =>
  collection == null ? [] : Array.isArray(collection) ? collection : Object.values(collection);
const keyAt = (collection, index) => (Array.isArray(collection) ? index : Object.keys(collection)[index]);

export function find(collection, predicate) {
  const list = values(collection);
  for (let i = 0; i < list.length; i++) if (predicate(list[i], keyAt(collection, i), collection)) return list[i];
  return undefined;
}

export function filter(collection, predicate) {
  const list = values(collection);
  const kept = [];
  for (let i = 0; i < list.length; i++) if (predicate(list[i], keyAt(collection, i), collection)) kept.push(list[i]);
  return kept;
}

/** The first element with the greatest value of `iteratee` (lodash skips null, undefined and NaN values). */
export function maxBy(array, iteratee) {
  let result;
  let best;
  for (const value of array ?? []) {
    const computed = iteratee(value);
    if (
      computed != null &&
      computed === computed &&
      typeof computed !== 'symbol' &&
      (best === undefined ? true : computed > best)
    ) {
      best = computed;
      result = value;
    }
  }
  return result;
}
