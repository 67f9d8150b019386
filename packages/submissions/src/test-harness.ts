import {
  formContentHash,
  FormRegistry,
  SkemaEngine,
  TenantForms,
  TransitionGuardRegistry,
  type FormVersion,
  type TransitionGuard,
} from '@skema/core';
import type { AccessPolicy } from './access-policy.js';
import type { SubmissionActor } from './actor.js';
import type { SubmissionsDeps } from './deps.js';
import { Submissions } from './submissions.js';
import { MemorySubmissionStore } from './testing/memory-store.js';

/** A test form: `navn` required, an optional `cpr` (tagged by format), `godkendes` for the guards below. */
export function testForm(id: string, version: string, extra: Record<string, unknown> = {}): FormVersion {
  const form: Omit<FormVersion, 'hash'> = {
    manifest: { id, version, title: { da: id, en: id }, status: 'published', plugins: [], changelog: 'test' },
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://skema.dk/test/${id}/${version}`,
      type: 'object',
      required: ['navn'],
      properties: {
        navn: { type: 'string', minLength: 1 },
        bemaerkning: { type: 'string', 'x-skema-sensitive': ['helbred'] },
        godkendes: { type: 'boolean' },
        ...extra,
      },
    },
    uischema: { type: 'VerticalLayout', elements: [] },
    i18n: { da: {}, en: {} },
  };
  return { ...form, hash: formContentHash(form) };
}

export const actor = (id: string, ...roles: string[]): SubmissionActor => ({
  tenantId: 'alpha',
  id,
  roles,
  ruleOptions: {},
});
/** A signed-in person (actor id `oidc:<subject>`), who can approve. */
export const person = (subject: string, ...roles: string[]): SubmissionActor => ({
  tenantId: 'alpha',
  id: `oidc:${subject}`,
  kind: 'person',
  subject,
  roles,
  ruleOptions: {},
});

/** Two distinct approvers for `sag → approved` when `godkendes` is true; denies a caseworker. */
export const twoApproversGuard: TransitionGuard = {
  name: 'sag:TWO',
  formId: 'sag',
  to: 'approved',
  check({ data, actor: who, approvals }) {
    if (!who.roles.includes('fagkonsulent'))
      return { outcome: 'deny', code: 'TEST-01', reason: { da: 'Kun fagkonsulenter.', en: 'Fagkonsulenter only.' } };
    if ((data as { godkendes?: boolean }).godkendes !== true) return { outcome: 'allow' };
    const others = new Set(
      approvals.filter((a) => a.decision === 'approved' && a.actorId !== who.id).map((a) => a.actorId),
    );
    return { outcome: 'approve', as: 'fagkonsulent', pending: others.size >= 1 ? [] : ['fagkonsulent'] };
  },
};

export interface Harness {
  submissions: Submissions;
  store: MemorySubmissionStore;
  deps: SubmissionsDeps;
}

export function harness(
  options: { store?: MemorySubmissionStore; forms?: FormVersion[]; access?: AccessPolicy } = {},
): Harness {
  const store = options.store ?? new MemorySubmissionStore();
  const forms = options.forms ?? [testForm('sag', '1.0.0'), testForm('sag', '1.1.0', { telefon: { type: 'string' } })];
  const engine = new SkemaEngine();
  const registry = new FormRegistry(forms);
  const tenantForms = new TenantForms(registry, new Map());
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const deps: SubmissionsDeps = {
    store,
    forms: () => tenantForms,
    registry,
    plugins: engine.plugins,
    validator: {
      validate: async (form, data, o) =>
        engine.validate(form, data, {
          locale: o.locale,
          mode: o.mode,
          ...(o.tenant?.ruleOptions && { ruleOptions: o.tenant.ruleOptions }),
          now: o.now,
        }),
    },
    guards: new TransitionGuardRegistry().register(twoApproversGuard),
    // Each call a minute later, so revisions have distinct times.
    now: () => new Date((clock += 60_000)),
    ...(options.access ? { access: options.access } : {}),
  };
  return { submissions: new Submissions(deps), store, deps };
}
