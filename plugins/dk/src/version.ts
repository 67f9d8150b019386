// Generated from package.json by scripts/write-version.mjs (prebuild). Do not edit.
/** The version of @skema/plugin-dk. */
export const PACKAGE_VERSION = '1.0.0';
