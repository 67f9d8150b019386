// lodash/startCase for what JSON Forms gives it: ASCII property names (spec §8 naming), from which it
// derives a fallback label. The Latin-1 deburring and Unicode word tables are left out (≈4 KB gzipped).
const WORDS = /[A-Z]?[a-z]+(?=[^A-Za-z0-9]|[A-Z]|$)|[A-Z]+(?=[^A-Za-z0-9]|[A-Z][a-z]|$)|[A-Z]?[a-z]+|[A-Z]+|\d+/g;

export default function startCase(value) {
  const words = (value == null ? '' : String(value)).replace(/['\u2019]/g, '').match(WORDS) ?? [];
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
