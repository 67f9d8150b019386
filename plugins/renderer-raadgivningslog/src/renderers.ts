import type { JsonFormsRendererRegistryEntry } from '@jsonforms/core';
import { MeetingGoalsRenderer, meetingGoalsTester } from './MeetingGoals.js';
import { ObjectTableRenderer, objectTableTester } from './ObjectTable.js';
import { RoleMatrixRenderer, roleMatrixTester } from './RoleMatrix.js';

/** Every renderer of this plugin, for `<SkemaForm renderers={...} />`. */
export const raadgivningslogRenderers: readonly JsonFormsRendererRegistryEntry[] = [
  { tester: roleMatrixTester, renderer: RoleMatrixRenderer },
  { tester: meetingGoalsTester, renderer: MeetingGoalsRenderer },
  { tester: objectTableTester, renderer: ObjectTableRenderer },
];
