import type { ErrorObject, ValidateFunction } from 'ajv';
import semver from 'semver';
import { createAjv, type Ajv2020 } from './ajv.js';
import type { WorkingDayCalendar } from './calendar.js';
import type { CaseAttachment, CaseContext } from './case-context.js';
import { todayInDenmark } from './dates.js';
import { referenceDateOf } from './rule-context.js';
import type { FormVersion } from './form.js';
import type {
  DerivedDeadline,
  IssueSeverity,
  Locale,
  LocalizedText,
  ValidationIssue,
  ValidationResult,
} from './issues.js';
import { keywordMessage } from './keyword-messages.js';
import { createLabelLookup, interpolate } from './labels.js';
import type { DeadlineDefinition, RuleContext, RuleDefinition, SkemaPlugin, ValidationMode } from './plugin.js';
import { createRuleOptionsResolver, type RuleOptionsByRule } from './rule-options.js';
import { titleAtPointer } from './schema-pointer.js';
import { TenantCalendars, type CalendarOptions } from './tenant-calendars.js';
import type { UntrustedCompiler } from './untrusted/untrusted-compiler.js';
import { weekendCalendar } from './weekend-calendar.js';

export interface ValidateOptions {
  /** Reference date (YYYY-MM-DD); defaults to today in Denmark. */
  today?: string;
  locale?: Locale;
  /** `draft` checks types and formats only, runs no business rules. Default `submitted`. */
  mode?: ValidationMode;
  /** The tenant's rule options by rule id; `severity: 'error'` raises a warning rule. */
  ruleOptions?: RuleOptionsByRule | undefined;
  calendar?: WorkingDayCalendar | undefined;
  /** Clock for the receipt's `validatedAt`. */
  now?: Date;
  /** The form came from a tenant through the API: compile it with `compile(form, { untrusted: true })`. */
  untrusted?: boolean;
  /**
   * Most errors, and most warnings, reported (default `DEFAULT_MAX_ISSUES`, 100 each): one
   * request must not turn into hundreds of thousands of messages. The rest are only counted
   * (`ValidationResult.truncated`); `valid` is always computed from every error.
   */
  maxIssues?: number;
  /** The case the data belongs to, for cross-form rules (`RuleContext.case`). */
  case?: CaseContext;
  /** The attachments of the stored submission being validated (`RuleContext.attachments`). */
  attachments?: readonly CaseAttachment[];
  /**
   * The date the rules judge on (`RuleContext.referenceDate`), when the caller knows it: a
   * stored submission's stamped date, or `null` for a draft never submitted (rules judge today,
   * whatever the data says). Left out, it is read from the form's `x-skema-reference-date` field.
   */
  referenceDate?: string | null;
}

export const DEFAULT_MAX_ISSUES = 100;

/** A form compiled for validation: built once per content hash, reused for every submission. */
export interface CompiledForm {
  readonly form: FormVersion;
  readonly validateSchema: ValidateFunction;
  readonly rules: readonly RuleDefinition[];
  readonly deadlines: readonly DeadlineDefinition[];
  readonly plugins: ReadonlyArray<{ name: string; version: string }>;
  readonly label: (pointer: string) => LocalizedText;
}

/** Keywords that only say "incomplete"; a draft may be incomplete, so they are not reported for drafts. */
const COMPLETENESS_KEYWORDS = new Set([
  'required',
  'dependentRequired',
  'minItems',
  'minLength',
  'minProperties',
  'minContains',
  'contains',
  'const',
  'if',
  'then',
  'else',
  'anyOf',
  'oneOf',
  'not',
]);

// Wrapper keywords whose real cause is reported by a nested error.
const WRAPPER_KEYWORDS = new Set(['if', 'then', 'else']);

export class FormPluginError extends Error {
  override readonly name = 'FormPluginError';
}

export class SkemaEngine {
  readonly ajv: Ajv2020;
  private readonly registered = new Map<string, SkemaPlugin>();
  private readonly messages: Record<string, LocalizedText> = {};
  private readonly compiled = new Map<string, CompiledForm>();
  // Per compiled form: the receipt's fixed part and the merged options of each rule and deadline.
  private readonly prepared = new WeakMap<CompiledForm, Prepared>();
  private defaultCalendar: WorkingDayCalendar = weekendCalendar;
  private tenantCalendars: TenantCalendars | undefined;
  // Second Ajv for untrusted forms (RE2 patterns); national forms keep the default engine's speed.
  private untrustedAjv: Ajv2020 | undefined;
  // Registered, not imported: browsers never validate untrusted forms, so their bundles carry no RE2.
  private untrustedCompiler: UntrustedCompiler | undefined;

  constructor(options: { plugins?: SkemaPlugin[]; untrusted?: UntrustedCompiler } = {}) {
    this.ajv = createAjv();
    for (const plugin of options.plugins ?? []) this.use(plugin);
    if (options.untrusted) this.useUntrusted(options.untrusted);
  }

  /** Registers how untrusted forms compile (`untrustedCompiler()` from the untrusted module): needed for `compile(form, { untrusted: true })`. */
  useUntrusted(compiler: UntrustedCompiler): this {
    this.untrustedCompiler = compiler;
    this.untrustedAjv = undefined;
    for (const key of [...this.compiled.keys()]) if (key.startsWith('untrusted:')) this.compiled.delete(key);
    return this;
  }

  /** Registers a plugin: its formats, keywords, messages, rules, deadlines and calendar. */
  use(plugin: SkemaPlugin): this {
    if (this.registered.has(plugin.name)) throw new FormPluginError(`Plugin ${plugin.name} is already registered`);
    for (const [name, format] of Object.entries(plugin.formats ?? {})) this.ajv.addFormat(name, format);
    for (const keyword of plugin.keywords ?? []) this.ajv.addKeyword(keyword);
    Object.assign(this.messages, plugin.messages);
    if (plugin.calendar) {
      this.defaultCalendar = plugin.calendar;
      this.tenantCalendars = new TenantCalendars(this.ajv, plugin.calendarOptions);
    }
    this.registered.set(plugin.name, plugin);
    // Compiled forms captured the previous plugin set.
    this.compiled.clear();
    this.untrustedAjv = undefined;
    return this;
  }

  get plugins(): SkemaPlugin[] {
    return [...this.registered.values()];
  }

  get calendar(): WorkingDayCalendar {
    return this.defaultCalendar;
  }

  /**
   * The working-day calendar for a tenant's calendar options (e.g. `{ grundlovsdag: false }` with
   * the Danish calendar), checked against the calendar plugin's schema and built once per options
   * object. Throws `CalendarOptionsError` for options the calendar does not take.
   */
  calendarFor(options: CalendarOptions | undefined): WorkingDayCalendar {
    return (this.tenantCalendars ??= new TenantCalendars(this.ajv, undefined)).for(options, this.defaultCalendar);
  }

  /** Every rule and deadline definition of every registered plugin (the rule catalogue). */
  catalogue(): Array<{ plugin: SkemaPlugin; rule: RuleDefinition | DeadlineDefinition; kind: 'rule' | 'deadline' }> {
    return this.plugins.flatMap((plugin) => [
      ...(plugin.rules ?? []).map((rule) => ({ plugin, rule, kind: 'rule' as const })),
      ...(plugin.deadlines ?? []).map((rule) => ({ plugin, rule, kind: 'deadline' as const })),
    ]);
  }

  /**
   * Compiles a form once per content hash. Throws `FormPluginError` when a required plugin is
   * missing. `untrusted`: a tenant's form from the API, compiled on the untrusted Ajv (RE2 patterns,
   * linear `uniqueItems`, capped arrays) after its complexity budget is checked (`SchemaBudgetError`).
   */
  compile(form: FormVersion, options: { untrusted?: boolean } = {}): CompiledForm {
    const key = options.untrusted ? `untrusted:${form.hash}` : form.hash;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const formId = form.manifest.id;
    const plugins = form.manifest.plugins.map((ref) => {
      const plugin = this.registered.get(ref.name);
      if (!plugin)
        throw new FormPluginError(
          `Form ${formId}@${form.manifest.version} needs plugin ${ref.name}, which is not registered`,
        );
      if (!semver.satisfies(plugin.version, ref.version)) {
        throw new FormPluginError(
          `Form ${formId}@${form.manifest.version} needs ${ref.name}@${ref.version}, but ${plugin.version} is registered`,
        );
      }
      return plugin;
    });
    assertKnownFormats(form.schema, this.ajv, `${formId}@${form.manifest.version}`);
    // A unique $id per content hash lets two versions (or tenant overlays) of one form live in one Ajv.
    const baseId = typeof form.schema.$id === 'string' ? form.schema.$id : `urn:skema:${formId}`;
    const [ajv, schema] = options.untrusted
      ? [this.untrusted(), this.untrustedCompiler!.prepareSchema(form.schema)]
      : [this.ajv, form.schema];
    const validateSchema = ajv.compile({ ...schema, $id: `${baseId.split('#')[0]}?hash=${form.hash}` });
    const compiled: CompiledForm = {
      form,
      validateSchema,
      rules: plugins.flatMap((p) => (p.rules ?? []).filter((r) => r.appliesTo.includes(formId))),
      deadlines: plugins.flatMap((p) => (p.deadlines ?? []).filter((d) => d.appliesTo.includes(formId))),
      plugins: plugins.map((p) => ({ name: p.name, version: p.version })),
      label: createLabelLookup(form.i18n, (pointer) => titleAtPointer(form.schema, pointer)),
    };
    this.compiled.set(key, compiled);
    return compiled;
  }

  private untrusted(): Ajv2020 {
    if (!this.untrustedCompiler) {
      throw new FormPluginError(
        'Untrusted forms need a registered untrusted compiler: engine.useUntrusted(untrustedCompiler())',
      );
    }
    if (!this.untrustedAjv) {
      const ajv = this.untrustedCompiler.createAjv();
      for (const plugin of this.registered.values()) {
        for (const [name, format] of Object.entries(plugin.formats ?? {})) ajv.addFormat(name, format);
        for (const keyword of plugin.keywords ?? []) ajv.addKeyword(keyword);
      }
      this.untrustedAjv = ajv;
    }
    return this.untrustedAjv;
  }

  validate(form: FormVersion | CompiledForm, data: unknown, options: ValidateOptions = {}): ValidationResult {
    const compiled = 'validateSchema' in form ? form : this.compile(form, { untrusted: options.untrusted === true });
    const prepared = this.prepare(compiled);
    const locale = options.locale ?? 'da';
    const mode = options.mode ?? 'submitted';
    const errors: ValidationIssue[] = [];
    const warnings: ValidationIssue[] = [];
    const maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
    // Issues past the cap are counted, never built: building the message is the cost.
    let errorCount = 0;
    let warningCount = 0;

    if (!compiled.validateSchema(data)) {
      for (const e of compiled.validateSchema.errors ?? []) {
        if (WRAPPER_KEYWORDS.has(e.keyword)) continue;
        if (mode === 'draft' && COMPLETENESS_KEYWORDS.has(e.keyword)) continue;
        if (errorCount++ < maxIssues) errors.push(this.schemaIssue(e, compiled, locale));
      }
    }

    const runRules = mode === 'submitted' && compiled.rules.length > 0;
    const deadlines: DerivedDeadline[] = [];
    if (runRules || compiled.deadlines.length > 0) {
      const resolved = prepared.optionsFor(options.ruleOptions);
      const today = options.today ?? todayInDenmark(options.now);
      const formId = compiled.form.manifest.id;
      const version = compiled.form.manifest.version;
      const calendar = options.calendar ?? this.defaultCalendar;
      const label = compiled.label;
      // A fresh context per rule (a rule may keep it), built as a literal: object spread per rule
      // was the engine's own largest cost on a valid submission.
      const referenceDate =
        options.referenceDate === undefined
          ? referenceDateOf(compiled.form.schema, data, today)
          : (options.referenceDate ?? undefined);
      const caseContext = options.case;
      const attachments = options.attachments;
      const contextWith = (ruleOptions: RuleContext['options']): RuleContext => {
        const ctx: RuleContext = {
          today,
          referenceDate,
          locale,
          formId,
          version,
          mode,
          calendar,
          label,
          options: ruleOptions,
        };
        if (caseContext) ctx.case = caseContext;
        if (attachments) ctx.attachments = attachments;
        return ctx;
      };
      if (runRules) {
        const rules = compiled.rules;
        for (let i = 0; i < rules.length; i++) {
          const rule = rules[i]!;
          const ruleOptions = resolved.rules[i]!;
          const severity = effectiveSeverity(rule.severity, ruleOptions.severity);
          const issues = this.runRule(rule, data, contextWith(ruleOptions), severity, locale);
          for (let k = 0; k < issues.length; k++) {
            const issue = issues[k]!;
            if (issue.severity === 'error') {
              if (errorCount++ < maxIssues) errors.push(issue);
            } else if (warningCount++ < maxIssues) warnings.push(issue);
          }
        }
      }
      const definitions = compiled.deadlines;
      for (let i = 0; i < definitions.length; i++) {
        const def = definitions[i]!;
        try {
          for (const d of def.derive(data, contextWith(resolved.deadlines[i]!))) {
            deadlines.push({
              ruleId: def.id,
              path: d.path,
              label: d.label,
              due: d.due,
              basis: d.basis,
              status: d.met ? 'met' : d.due < today ? 'overdue' : 'pending',
            });
          }
        } catch {
          // A deadline is advice; a definition that cannot read half-filled data gives none.
        }
      }
    }

    const fixed = prepared.receipt;
    const receipt: ValidationResult['receipt'] = {
      formId: fixed.formId,
      version: fixed.version,
      schemaHash: fixed.schemaHash,
      plugins: fixed.plugins,
      validatedAt: isoTimestamp(options.now),
    };
    if (fixed.overlay) receipt.overlay = fixed.overlay;
    const result: ValidationResult = { valid: errorCount === 0, errors, warnings, derived: { deadlines }, receipt };
    if (errorCount > errors.length || warningCount > warnings.length)
      result.truncated = { errors: errorCount, warnings: warningCount };
    return result;
  }

  private prepare(compiled: CompiledForm): Prepared {
    let prepared = this.prepared.get(compiled);
    if (!prepared) {
      prepared = prepareForm(compiled);
      this.prepared.set(compiled, prepared);
    }
    return prepared;
  }

  private schemaIssue(e: ErrorObject, compiled: CompiledForm, locale: Locale): ValidationIssue {
    const missing: unknown = e.params.missingProperty ?? e.params.additionalProperty ?? e.params.unevaluatedProperty;
    const path =
      (e.keyword === 'required' || e.keyword === 'dependentRequired') && typeof missing === 'string'
        ? `${e.instancePath}/${escapePointer(missing)}`
        : e.instancePath;
    const label = compiled.label(path);
    const text = keywordMessage(e, this.messages);
    const messages = {
      da: path ? `«${label.da}» ${text.da}` : capitalize(text.da),
      en: path ? `"${label.en}" ${text.en}` : capitalize(text.en),
    };
    return { path, code: e.keyword, severity: 'error', message: messages[locale], messages, params: { ...e.params } };
  }

  private runRule(
    rule: RuleDefinition,
    data: unknown,
    ctx: RuleContext,
    severity: IssueSeverity,
    locale: Locale,
  ): ValidationIssue[] {
    try {
      return rule.check(data, ctx).map((finding) => {
        const template = finding.message ?? rule.message;
        const label = ctx.label(finding.path);
        const messages = {
          da: interpolate(template.da, { label: label.da, ...finding.params }),
          en: interpolate(template.en, { label: label.en, ...finding.params }),
        };
        return {
          path: finding.path,
          code: rule.id,
          severity: finding.unchecked && ctx.options.requireCase !== true ? 'warning' : severity,
          message: messages[locale],
          messages,
          ...(finding.params ? { params: finding.params } : {}),
        };
      });
    } catch (cause) {
      // A rule that crashes must not let the submission through unnoticed.
      const messages = {
        da: `Reglen ${rule.id} kunne ikke kontrolleres (${(cause as Error).name}).`,
        en: `Rule ${rule.id} could not be checked (${(cause as Error).name}).`,
      };
      return [
        { path: '', code: rule.id, severity: 'error', message: messages[locale], messages, params: { failure: true } },
      ];
    }
  }
}

type ResolvedOptions = { rules: Array<Record<string, unknown>>; deadlines: Array<Record<string, unknown>> };

interface Prepared {
  readonly receipt: Omit<ValidationResult['receipt'], 'validatedAt'>;
  /** The merged options of each rule and deadline (by position), for the given tenant options. */
  optionsFor(tenant: RuleOptionsByRule | undefined): ResolvedOptions;
}

/** What every validation of a compiled form shares; built on its first validation. */
function prepareForm(compiled: CompiledForm): Prepared {
  const { manifest } = compiled.form;
  const resolve = (tenant: RuleOptionsByRule | undefined): ResolvedOptions => {
    const resolver = createRuleOptionsResolver(manifest.plugins, tenant, manifest.ruleOptions);
    // Frozen because they are shared by every validation with the same tenant options.
    return {
      rules: compiled.rules.map((r) => Object.freeze(resolver(r.id, r.options))),
      deadlines: compiled.deadlines.map((d) => Object.freeze(resolver(d.id, d.options))),
    };
  };
  let withoutTenant: ResolvedOptions | undefined;
  // Keyed by the options object itself: a tenant's configuration is loaded once and reused.
  const byTenant = new WeakMap<RuleOptionsByRule, ResolvedOptions>();
  const overlay = manifest.overlay;
  return {
    receipt: Object.freeze({
      formId: manifest.id,
      version: manifest.version,
      schemaHash: compiled.form.hash,
      plugins: Object.freeze(
        compiled.plugins.map((p) => Object.freeze({ ...p })),
      ) as ValidationResult['receipt']['plugins'],
      ...(overlay
        ? { overlay: Object.freeze({ tenantId: overlay.tenantId, version: overlay.version, hash: overlay.hash }) }
        : {}),
    }),
    optionsFor(tenant) {
      if (!tenant) return (withoutTenant ??= resolve(undefined));
      let resolved = byTenant.get(tenant);
      if (!resolved) {
        resolved = resolve(tenant);
        byTenant.set(tenant, resolved);
      }
      return resolved;
    },
  };
}

// Formatting a timestamp costs more than the rest of a valid submission's schema check;
// validations in the same millisecond share one string.
let lastTime = Number.NaN;
let lastIso = '';
function isoTimestamp(now: Date | undefined): string {
  const time = now ? now.getTime() : Date.now();
  if (time !== lastTime) {
    lastIso = new Date(time).toISOString();
    lastTime = time;
  }
  return lastIso;
}

/** Ajv (non-strict) would ignore an unknown format; a form must not silently lose a check such as `cpr`. */
function assertKnownFormats(schema: unknown, ajv: Ajv2020, formName: string): void {
  const known = ajv.formats as Record<string, unknown>;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const { format } = node as { format?: unknown };
    if (typeof format === 'string' && !(format in known)) {
      throw new FormPluginError(`Form ${formName} uses format "${format}", which no registered plugin provides`);
    }
    Object.values(node).forEach(visit);
  };
  visit(schema);
}

function effectiveSeverity(base: IssueSeverity, requested: unknown): IssueSeverity {
  // A tenant may raise a warning to an error, never lower a legal error.
  return requested === 'error' ? 'error' : base;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
