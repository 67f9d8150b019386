// lodash/isEqual where JSON Forms compares JSON data, schemas and props: fast-deep-equal (already in
// the bundle through Ajv) gives the same answers for those, without lodash's Map/Set/typed-array code.
export { default } from 'fast-deep-equal';
