export { default, PLUGIN_NAME, PLUGIN_VERSION } from './plugin.js';
export {
  visoGuards,
  hoejprisApprovalGuard,
  coSignatureGuard,
  type HoejprisApprovalOptions,
  type CoSignatureOptions,
} from './guards/index.js';
