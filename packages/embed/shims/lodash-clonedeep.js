// lodash/cloneDeep where JSON Forms uses it: on form data and schema defaults, which are JSON values.
// The browser's structuredClone copies those the same way, without lodash's per-type cloning code.
export default function cloneDeep(value) {
  return value === undefined ? value : structuredClone(value);
}
