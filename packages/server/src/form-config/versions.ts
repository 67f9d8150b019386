/** Configuration versions are plain `major.minor.patch` (no pre-release tags), as the overlay schema demands. */
export const CONFIG_VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export function isConfigVersion(version: string): boolean {
  return CONFIG_VERSION.test(version);
}
