export { raadgivningslogRenderers as default, raadgivningslogRenderers } from './renderers.js';
export { roleMatrixTester, RoleMatrixRenderer } from './RoleMatrix.js';
export { meetingGoalsTester, MeetingGoalsRenderer } from './MeetingGoals.js';
export { objectTableTester, ObjectTableRenderer, TABLE_SCOPES } from './ObjectTable.js';
export { meetingCount, DEFAULT_MEETINGS_POINTER } from './meetings.js';
export { Cell, NamesInput } from './cells.js';
export { RAADGIVNINGSLOG_CSS } from './styles.js';
