import type { CalendarOptions, FormManifest, FormVersion, RuleOptionsByRule, Wire } from '@skema/core';

/** A form version as the API gives it to the caller: the form, and its tenant's rule and calendar options if any. */
export interface LoadedFormVersion {
  form: FormVersion;
  tenantRuleOptions?: RuleOptionsByRule;
  tenantCalendar?: CalendarOptions;
}

type Body = Wire.FormVersion | (Record<string, unknown> & { manifest: FormManifest });

/** The form version response (the manifest's members at the top level, or under `manifest`) as the engine's `FormVersion`. */
export function toFormVersion(body: Body | Record<string, unknown>): FormVersion {
  const b = body as Partial<Wire.FormVersion> & { manifest?: FormManifest };
  const manifest: FormManifest = b.manifest ?? {
    id: b.id as string,
    version: b.version as string,
    title: b.title as FormManifest['title'],
    ...(b.description ? { description: b.description } : {}),
    status: b.status ?? 'published',
    plugins: (b.plugins as FormManifest['plugins'] | undefined) ?? [],
    changelog: (b.changelog as FormManifest['changelog'] | undefined) ?? '',
    // The form's (or tenant overlay's) rule options: the engine applies them, as the server does.
    ...(b.ruleOptions ? { ruleOptions: b.ruleOptions } : {}),
  };
  return {
    manifest,
    schema: b.schema as Record<string, unknown>,
    uischema: b.uischema as Record<string, unknown>,
    i18n: b.i18n as FormVersion['i18n'],
    hash: b.hash as string,
  };
}

/** A member of a response body that is a JSON object, else undefined. */
function objectMember<T>(body: Record<string, unknown>, key: string): T | undefined {
  const value = body[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
}

/**
 * The tenant's rule options in a form version response (sent only with an API key whose tenant
 * configures any), for the browser engine's `validate(…, { ruleOptions })`.
 */
export function tenantRuleOptionsOf(body: Wire.FormVersion | Record<string, unknown>): RuleOptionsByRule | undefined {
  return objectMember<RuleOptionsByRule>(body, 'tenantRuleOptions');
}

/**
 * The tenant's working-day calendar options in a form version response (sent only when the token's
 * tenant sets any), for `engine.calendarFor(…)`, so deadlines fall on the server's days.
 */
export function tenantCalendarOf(body: Wire.FormVersion | Record<string, unknown>): CalendarOptions | undefined {
  return objectMember<CalendarOptions>(body, 'tenantCalendar');
}

export function loadedFormVersion(body: Wire.FormVersion): LoadedFormVersion {
  const tenantRuleOptions = tenantRuleOptionsOf(body);
  const tenantCalendar = tenantCalendarOf(body);
  return {
    form: toFormVersion(body),
    ...(tenantRuleOptions ? { tenantRuleOptions } : {}),
    ...(tenantCalendar ? { tenantCalendar } : {}),
  };
}
