export { dateRenderers as default, dateRenderers, dateTester, DateRenderer, dateRendererEntry } from './DateControl.js';
export { deadlineText, formatDate } from './deadline-text.js';
export { DATE_CSS } from './styles.js';
