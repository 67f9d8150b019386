import { MeetingGoalsRenderer, meetingGoalsTester } from './MeetingGoals.js';
import { ObjectTableRenderer, objectTableTester } from './ObjectTable.js';
import { RoleMatrixRenderer, roleMatrixTester } from './RoleMatrix.js';
import type { SkemaRendererEntry } from '@skema/react';
import { RAADGIVNINGSLOG_CSS } from './styles.js';

/** Every renderer of this plugin, for `<SkemaForm renderers={...} />`. */
export const raadgivningslogRenderers: readonly SkemaRendererEntry[] = [
  { tester: roleMatrixTester, renderer: RoleMatrixRenderer, css: RAADGIVNINGSLOG_CSS },
  { tester: meetingGoalsTester, renderer: MeetingGoalsRenderer, css: RAADGIVNINGSLOG_CSS },
  { tester: objectTableTester, renderer: ObjectTableRenderer, css: RAADGIVNINGSLOG_CSS },
];
