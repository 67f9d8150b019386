import {
  applyOverlay,
  checkRuleOptions,
  checkUntrustedDocument,
  checkVersionBump,
  createAjv,
  diffFormVersions,
  OVERLAY_SCHEMA,
  SkemaEngine,
  type CatalogueEntry,
  type FormDiff,
  type FormOverlay,
  type FormRegistry,
  type FormVersion,
  type RequiredBump,
} from '@skema/core';
import { ownFormShapeProblems, ownFormVersion } from './own-form.js';

export interface ConfigProblem {
  /** JSON Pointer into the uploaded document. */
  path: string;
  message: string;
}

export interface DiffView {
  formId: string;
  from: string;
  to: string;
  requiredBump: RequiredBump;
  changes: FormDiff['changes'];
}

export interface CheckResult {
  ok: boolean;
  problems: ConfigProblem[];
  previousVersion?: string;
  requiredBump?: RequiredBump;
  diff?: DiffView;
  /** The effective form (an overlay applied to its base, or the own form). */
  form?: FormVersion;
}

/** The previous published (or deprecated) version of the same configuration, from the API or git. */
export type PreviousConfig = { version: string; overlay: FormOverlay } | { version: string; form: FormVersion };

export interface CheckInput {
  tenantId: string;
  formId: string;
  version: string;
  document: unknown;
  previous?: PreviousConfig;
}

let validateOverlayShape: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

export const diffView = (formId: string, from: string, to: string, diff: FormDiff): DiffView => ({ formId, from, to, requiredBump: diff.required, changes: diff.changes });

/**
 * The semver check compares effective forms under the configuration's own version number, and
 * shows rule options as a plugin's options so core's diff classifies them (raising a rule to an
 * error is breaking; core's form diff does not read `manifest.ruleOptions`).
 */
function comparable(form: FormVersion, version: string): FormVersion {
  const plugins = [...form.manifest.plugins, { name: 'rule options', version: '*', options: form.manifest.ruleOptions ?? {} }];
  return { ...form, manifest: { ...form.manifest, version, plugins } };
}

/**
 * Checks tenants' form configuration: untrusted-input checks first, then the overlay's shape,
 * that it applies to its base, that the effective form compiles, rule options, own forms'
 * examples, and the semver bump against the previous published version.
 */
export class ConfigChecker {
  constructor(
    private readonly registry: FormRegistry,
    private readonly engine: SkemaEngine,
  ) {}

  private catalogue(): CatalogueEntry[] {
    return this.engine.catalogue().map(({ rule }) => rule);
  }

  /** A throwaway engine with the same plugins, so drafts and previews never pile up in the live engine's caches. */
  private scratchEngine(): SkemaEngine {
    return new SkemaEngine({ plugins: this.engine.plugins });
  }

  /** Applies an overlay to the base version it names; `problems` when it cannot be applied. */
  effectiveOverlay(tenantId: string, document: unknown): { form?: FormVersion; base?: FormVersion; problems: ConfigProblem[] } {
    const untrusted = checkUntrustedDocument(document);
    if (untrusted.length) return { problems: untrusted.map(({ path, message }) => ({ path, message })) };
    validateOverlayShape ??= createAjv().compile(OVERLAY_SCHEMA);
    if (!validateOverlayShape(document)) {
      return {
        problems: (validateOverlayShape.errors ?? []).map((e) => ({
          path: e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath,
          message: e.keyword === 'additionalProperties' ? `"${String(e.params.additionalProperty)}" cannot be configured in an overlay` : `${e.instancePath || 'overlay'} ${e.message ?? 'is invalid'}`,
        })),
      };
    }
    const overlay = document as FormOverlay;
    if (overlay.tenantId !== tenantId) return { problems: [{ path: '/tenantId', message: `The overlay belongs to ${overlay.tenantId}, not to ${tenantId}` }] };
    if (!this.registry.has(overlay.formId)) return { problems: [{ path: '/formId', message: `There is no base form ${overlay.formId}` }] };
    let base: FormVersion;
    try {
      base = this.registry.resolve(overlay.formId, overlay.baseVersion);
    } catch {
      return { problems: [{ path: '/baseVersion', message: `${overlay.formId} has no published version matching ${overlay.baseVersion}` }] };
    }
    const { form, problems } = applyOverlay(base, overlay, this.catalogue());
    return form ? { form, base, problems: [] } : { base, problems };
  }

  checkOverlay(input: CheckInput): CheckResult {
    const { form, base, problems } = this.effectiveOverlay(input.tenantId, input.document);
    if (!form || !base) return { ok: false, problems };
    const compileProblem = this.compileProblem(form);
    if (compileProblem) return { ok: false, problems: [compileProblem], form };
    const result: CheckResult = { ok: true, problems: [], form };
    if (input.previous && 'overlay' in input.previous) {
      // Both versions on the same base, so the diff shows what the configuration changed.
      const prev = applyOverlay(base, input.previous.overlay, this.catalogue()).form ?? this.effectiveOverlay(input.tenantId, input.previous.overlay).form;
      if (prev) this.bump(result, input, comparable(prev, input.previous.version), comparable(form, input.version));
    }
    return result;
  }

  checkOwnForm(input: CheckInput): CheckResult {
    const untrusted = checkUntrustedDocument(input.document);
    if (untrusted.length) return { ok: false, problems: untrusted.map(({ path, message }) => ({ path, message })) };
    const shape = ownFormShapeProblems(input.document);
    if (shape.length) return { ok: false, problems: shape };
    if (this.registry.has(input.formId)) {
      return { ok: false, problems: [{ path: '/manifest/id', message: `${input.formId} is a shared form; configure it with an overlay instead` }] };
    }
    const form = ownFormVersion(input.formId, input.version, 'published', input.document);
    const problems: ConfigProblem[] = [];
    const manifest = (input.document as { manifest: { id?: string; version?: string } }).manifest;
    if (manifest.id !== undefined && manifest.id !== input.formId) problems.push({ path: '/manifest/id', message: `The form is ${input.formId}, not ${manifest.id}` });
    if (manifest.version !== undefined && manifest.version !== input.version) problems.push({ path: '/manifest/version', message: `The version is ${input.version}, not ${manifest.version}` });
    const options = { ...form.manifest.ruleOptions, ...Object.assign({}, ...form.manifest.plugins.map((p) => p.options ?? {})) };
    for (const p of checkRuleOptions(options, this.catalogue())) problems.push({ path: `/manifest/ruleOptions/${p.ruleId}`, message: p.message });
    const compileProblem = this.compileProblem(form);
    if (compileProblem) problems.push(compileProblem);
    else problems.push(...this.exampleProblems(form));
    const result: CheckResult = { ok: problems.length === 0, problems, form };
    if (input.previous && 'form' in input.previous) this.bump(result, input, comparable(input.previous.form, input.previous.version), comparable(form, input.version));
    return result;
  }

  private compileProblem(form: FormVersion): ConfigProblem | undefined {
    try {
      this.scratchEngine().compile(form);
      return undefined;
    } catch (e) {
      return { path: '/schema', message: `The form does not compile: ${(e as Error).message}` };
    }
  }

  private exampleProblems(form: FormVersion): ConfigProblem[] {
    const engine = this.scratchEngine();
    const problems: ConfigProblem[] = [];
    for (const [i, ex] of (form.examples?.valid ?? []).entries()) {
      const { errors } = engine.validate(form, ex.data, { locale: 'en', ...(ex.today ? { today: ex.today } : {}) });
      if (errors.length) problems.push({ path: `/examples/valid/${i}`, message: `Example ${ex.name} should be valid but has errors: ${errors.map((e) => `${e.code} at ${e.path || '/'}`).join(', ')}` });
    }
    for (const [i, ex] of (form.examples?.invalid ?? []).entries()) {
      const { errors } = engine.validate(form, ex.data, { locale: 'en', ...(ex.today ? { today: ex.today } : {}) });
      const codes = new Set(errors.map((e) => e.code));
      const paths = new Set(errors.map((e) => e.path));
      const missing = [...(ex.expect?.codes ?? []).filter((c) => !codes.has(c)), ...(ex.expect?.paths ?? []).filter((p) => !paths.has(p))];
      if (!errors.length) problems.push({ path: `/examples/invalid/${i}`, message: `Example ${ex.name} should be invalid but has no errors` });
      else if (missing.length) problems.push({ path: `/examples/invalid/${i}`, message: `Example ${ex.name} does not fail with ${missing.join(', ')}` });
    }
    return problems;
  }

  private bump(result: CheckResult, input: CheckInput, prev: FormVersion, next: FormVersion): void {
    const diff = diffFormVersions(prev, next);
    result.previousVersion = prev.manifest.version;
    result.requiredBump = diff.required;
    result.diff = diffView(input.formId, prev.manifest.version, input.version, diff);
    const problem = checkVersionBump(prev, next);
    if (problem) {
      result.ok = false;
      result.problems.push({ path: '/version', message: problem.message });
    }
  }
}
