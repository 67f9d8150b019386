// Generated from package.json by scripts/write-version.mjs (prebuild). Do not edit.
/** The version of @skema/plugin-viso. */
export const PACKAGE_VERSION = '1.0.0';
