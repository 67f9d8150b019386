export { default, PLUGIN_NAME, PLUGIN_VERSION } from './plugin.js';
