// lodash/merge where JSON Forms merges plain JSON (configs, UI schema options, i18n defaults): the
// same recursive merge of plain objects and arrays, without lodash's typed-array, Map and clone code.
const isPlain = (v) =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v));

function mergeInto(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const from = source[key];
    const to = target[key];
    if (from === undefined && key in target) continue;
    if (Array.isArray(from)) target[key] = mergeInto(Array.isArray(to) ? to : [], from);
    else if (isPlain(from)) target[key] = mergeInto(isPlain(to) || Array.isArray(to) ? to : {}, from);
    else target[key] = from;
  }
  return target;
}

export default function merge(target, ...sources) {
  for (const source of sources) if (source !== null && typeof source === 'object') mergeInto(target, source);
  return target;
}
