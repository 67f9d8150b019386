import type { RuleOptionsByRule, SkemaEngine } from '@skema/core';
import {
  applyOverlay,
  checkOverlayDocument,
  checkSchemaBudget,
  checkRuleOptions,
  checkUntrustedDocument,
  checkVersionBump,
  diffFormVersions,
  overlayProblem,
  type CatalogueEntry,
  type FormOverlay,
  type FormRegistry,
  type FormVersion,
  type RequiredBump,
} from '@skema/core';
import { configProblem, fromCoreProblem, type ConfigProblem } from './config-problem.js';
import { diffView, type DiffView } from './diff-view.js';
import { exampleProblems } from './example-problems.js';
import { OWN_FORM_SCHEMA_ROOTS, ownFormShapeProblems, ownFormVersion } from './own-form.js';
import type { FormValidation } from '../validation/form-validation.js';

export type { ConfigProblem } from './config-problem.js';

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

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The semver check compares effective forms under the configuration's own version number. */
function comparable(form: FormVersion, version: string): FormVersion {
  return { ...form, manifest: { ...form.manifest, version } };
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
    private readonly validation: FormValidation,
  ) {}

  private catalogue(): CatalogueEntry[] {
    return this.engine.catalogue().map(({ rule }) => rule);
  }

  /** Applies an overlay to the base version it names; `problems` when it cannot be applied. */
  effectiveOverlay(
    tenantId: string,
    document: unknown,
  ): { form?: FormVersion; base?: FormVersion; problems: ConfigProblem[] } {
    const refused = checkOverlayDocument(document);
    if (refused.length) return { problems: refused };
    const overlay = document as FormOverlay;
    if (overlay.tenantId !== tenantId)
      return {
        problems: [
          overlayProblem('/tenantId', 'overlay-wrong-tenant', { tenantId: overlay.tenantId, expected: tenantId }),
        ],
      };
    if (!this.registry.has(overlay.formId))
      return { problems: [overlayProblem('/formId', 'overlay-unknown-base-form', { formId: overlay.formId })] };
    let base: FormVersion;
    try {
      base = this.registry.resolve(overlay.formId, overlay.baseVersion);
    } catch {
      return {
        problems: [
          overlayProblem('/baseVersion', 'overlay-no-base-version', {
            formId: overlay.formId,
            range: overlay.baseVersion,
          }),
        ],
      };
    }
    const { form, problems } = applyOverlay(base, overlay, this.catalogue());
    return form ? { form, base, problems: [] } : { base, problems };
  }

  async checkOverlay(input: CheckInput): Promise<CheckResult> {
    const { form, base, problems } = this.effectiveOverlay(input.tenantId, input.document);
    if (!form || !base) return { ok: false, problems };
    // The effective form is untrusted as a whole: its complexity budget, then it must compile as such.
    const budget = checkSchemaBudget(form.schema, {}, '/schema').map((p) => fromCoreProblem(p.path, p));
    if (budget.length) return { ok: false, problems: budget, form };
    const compileProblem = await this.compileProblem(form);
    if (compileProblem) return { ok: false, problems: [compileProblem], form };
    const result: CheckResult = { ok: true, problems: [], form };
    if (input.previous && 'overlay' in input.previous) {
      // Both versions on the same base, so the diff shows what the configuration changed.
      const prev =
        applyOverlay(base, input.previous.overlay, this.catalogue()).form ??
        this.effectiveOverlay(input.tenantId, input.previous.overlay).form;
      if (prev) this.bump(result, input, comparable(prev, input.previous.version), comparable(form, input.version));
    }
    return result;
  }

  async checkOwnForm(input: CheckInput): Promise<CheckResult> {
    const untrusted = checkUntrustedDocument(input.document, {}, OWN_FORM_SCHEMA_ROOTS);
    if (untrusted.length) return { ok: false, problems: untrusted.map((p) => fromCoreProblem(p.path, p)) };
    const shape = ownFormShapeProblems(input.document);
    if (shape.length) return { ok: false, problems: shape };
    if (this.registry.has(input.formId)) {
      const messages = {
        da: `${input.formId} er et fælles skema; tilpas det med en tilpasning (overlay) i stedet.`,
        en: `${input.formId} is a shared form; configure it with an overlay instead`,
      };
      return { ok: false, problems: [configProblem('/manifest/id', 'form-shared', messages)] };
    }
    const form = ownFormVersion(input.formId, input.version, 'published', input.document);
    const problems: ConfigProblem[] = [];
    const manifest = (input.document as { manifest: { id?: string; version?: string } }).manifest;
    if (manifest.id !== undefined && manifest.id !== input.formId) {
      problems.push(
        configProblem('/manifest/id', 'form-id-mismatch', {
          da: `Skemaet er ${input.formId}, ikke ${manifest.id}.`,
          en: `The form is ${input.formId}, not ${manifest.id}`,
        }),
      );
    }
    if (manifest.version !== undefined && manifest.version !== input.version) {
      problems.push(
        configProblem('/manifest/version', 'form-version-mismatch', {
          da: `Versionen er ${input.version}, ikke ${manifest.version}.`,
          en: `The version is ${input.version}, not ${manifest.version}`,
        }),
      );
    }
    // The manifest's own options, then each plugin's in order (a later one wins).
    const options = form.manifest.plugins.reduce<RuleOptionsByRule>((all, p) => ({ ...all, ...p.options }), {
      ...form.manifest.ruleOptions,
    });
    for (const p of checkRuleOptions(options, this.catalogue())) {
      problems.push(
        fromCoreProblem(
          `/manifest/ruleOptions/${esc(p.ruleId)}${p.option === undefined ? '' : `/${esc(p.option)}`}`,
          p,
        ),
      );
    }
    const budget = checkSchemaBudget(form.schema, {}, '/schema').map((p) => fromCoreProblem(p.path, p));
    const compileProblem = budget.length ? undefined : await this.compileProblem(form);
    if (budget.length) problems.push(...budget);
    else if (compileProblem) problems.push(compileProblem);
    // Examples are data run against an untrusted form: in the worker pool, like any validation of it.
    else problems.push(...(await exampleProblems(this.validation, form)));
    const result: CheckResult = { ok: problems.length === 0, problems, form };
    if (input.previous && 'form' in input.previous)
      this.bump(
        result,
        input,
        comparable(input.previous.form, input.previous.version),
        comparable(form, input.version),
      );
    return result;
  }

  private async compileProblem(form: FormVersion): Promise<ConfigProblem | undefined> {
    const reason = await this.validation.compileProblem(form);
    if (reason === undefined) return undefined;
    return configProblem('/schema', 'form-not-compiling', {
      da: `Skemaet kan ikke kompileres: ${reason}`,
      en: `The form does not compile: ${reason}`,
    });
  }

  /**
   * What an overlay changes in its base: the effective form against the base version. Examples
   * are left out, since an effective form carries none (they are the base version's tests).
   */
  previewDiff(base: FormVersion, form: FormVersion, version: string): DiffView {
    const diff = diffFormVersions(base, form, { examples: false, catalogue: this.catalogue() });
    return diffView(base.manifest.id, base.manifest.version, version, diff);
  }

  /**
   * The bump an overlay's effective form needs against a previous overlay version, both applied to
   * `base` (as the publish check compares them); undefined when the previous one no longer applies.
   */
  requiredSince(
    tenantId: string,
    base: FormVersion,
    form: FormVersion,
    previous: PreviousConfig,
    version: string,
  ): RequiredBump | undefined {
    if (!('overlay' in previous)) return undefined;
    const prev =
      applyOverlay(base, previous.overlay, this.catalogue()).form ??
      this.effectiveOverlay(tenantId, previous.overlay).form;
    if (!prev) return undefined;
    return diffFormVersions(comparable(prev, previous.version), comparable(form, version), {
      catalogue: this.catalogue(),
    }).required;
  }

  private bump(result: CheckResult, input: CheckInput, prev: FormVersion, next: FormVersion): void {
    const diff = diffFormVersions(prev, next, { catalogue: this.catalogue() });
    result.previousVersion = prev.manifest.version;
    result.requiredBump = diff.required;
    result.diff = diffView(input.formId, prev.manifest.version, input.version, diff);
    const problem = checkVersionBump(prev, next, { catalogue: this.catalogue() });
    if (problem) {
      result.ok = false;
      result.problems.push(fromCoreProblem('/version', problem));
    }
  }
}
