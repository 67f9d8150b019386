import { checkSchemaBudget, checkUntrustedDocument } from '@skema/core';
import { OWN_FORM_SCHEMA_ROOTS, shapeValidator } from './own-form.js';

const WARM_UP_FORM = {
  schema: {
    type: 'object',
    properties: { v: { type: 'string', pattern: '^(a|b)+$' }, w: { type: 'array', items: { enum: ['x'] } } },
  },
};
import type { AuditAction, AuditEntry, Locale, TenantFormRecord } from '@skema/core';
import type { Principal } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { HttpProblem, type ProblemIssue } from '../http/problem.js';
import { scrubDetails } from '../observability/scrub.js';
import { ConfigChecker, type CheckResult } from './check-config.js';
import { problemsView } from './config-problem.js';
import { diffResponse } from './diff-view.js';
import { gitVersionProblem } from './effective-overlay.js';
import type { PublishedForms } from './published-forms.js';
import { isConfigVersion } from './versions.js';

export type ConfigKind = TenantFormRecord['kind'];
export type FormConfigAction = Extract<AuditAction, `form-config.${string}`>;

const FORM_ID = /^[a-z][a-zA-Z0-9-]{0,63}$/;

/** A record in a listing: everything but the document. */
export function summaryView(r: TenantFormRecord) {
  return {
    kind: r.kind,
    formId: r.formId,
    version: r.version,
    status: r.status,
    hash: r.hash,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
}

export function recordView(r: TenantFormRecord) {
  return { ...summaryView(r), tenantId: r.tenantId, document: r.document };
}

/** The check's answer without the effective form (a preview shows that separately), its problems and changes in the request's locale. */
export function checkView({ form: _form, problems, diff, ...rest }: CheckResult, locale: Locale) {
  return { ...rest, problems: problemsView(problems, locale), ...(diff ? { diff: diffResponse(diff, locale) } : {}) };
}

/** Path parameters of a configuration: kind `overlay` or `form` (else 404), a form id and an exact `x.y.z` version (else 400). */
export function configAddress(params: Record<string, unknown>): { kind: ConfigKind; formId: string; version: string } {
  const kind = String(params.kind);
  const formId = String(params.formId);
  const version = String(params.version);
  if (kind !== 'overlay' && kind !== 'form') {
    throw new HttpProblem('not-found', {
      da: `Konfigurationstypen ${kind} findes ikke; brug overlay eller form.`,
      en: `Unknown configuration kind ${kind}; use overlay or form.`,
    });
  }
  const issues: ProblemIssue[] = [];
  if (!FORM_ID.test(formId))
    issues.push({
      path: '/formId',
      code: 'pattern',
      message: `/formId ${formId} is not a form id (a-z, then letters, digits, -)`,
    });
  if (!isConfigVersion(version))
    issues.push({
      path: '/version',
      code: 'pattern',
      message: `/version ${version} is not a version (major.minor.patch)`,
    });
  if (issues.length)
    throw new HttpProblem(
      'invalid-request',
      { da: 'Skema-id eller version i stien er ugyldig.', en: 'The form id or version in the path is invalid.' },
      { issues },
    );
  return { kind, formId, version };
}

/** Form configuration through the API: documents, checks and publication for the caller's tenant. */
export class FormConfigService {
  readonly checker: ConfigChecker;

  constructor(
    private readonly ctx: AppContext,
    readonly published: PublishedForms,
  ) {
    this.checker = new ConfigChecker(ctx.registry, ctx.engine, ctx.validation);
    // The first check of an upload compiles validators and runs cold code (tens of milliseconds of
    // the event loop): done once at start with a small own form, not in a tenant's first request.
    shapeValidator();
    checkUntrustedDocument(WARM_UP_FORM, {}, OWN_FORM_SCHEMA_ROOTS);
    checkSchemaBudget(WARM_UP_FORM.schema, {}, '/schema');
  }

  /** The shared forms a tenant's overlays apply to. */
  get registry() {
    return this.ctx.registry;
  }

  now(): string {
    return this.ctx.now().toISOString();
  }

  get store() {
    return this.published.store;
  }

  /**
   * The document to store: an overlay's tenantId/formId/version and an own form's manifest id and
   * version are filled in from the key and the URL when omitted, and must match them when given.
   */
  complete(kind: ConfigKind, tenantId: string, formId: string, version: string, body: unknown): unknown {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpProblem(
        'invalid-request',
        { da: 'Dokumentet skal være et JSON-objekt.', en: 'The document must be a JSON object.' },
        { issues: [{ path: '', code: 'type', message: '/ must be an object' }] },
      );
    }
    const doc = body as Record<string, unknown>;
    const expected: Array<[Record<string, unknown>, string, string, string]> =
      kind === 'overlay'
        ? [
            [doc, 'tenantId', tenantId, '/tenantId'],
            [doc, 'formId', formId, '/formId'],
            [doc, 'version', version, '/version'],
          ]
        : typeof doc.manifest === 'object' && doc.manifest !== null && !Array.isArray(doc.manifest)
          ? [
              [doc.manifest as Record<string, unknown>, 'id', formId, '/manifest/id'],
              [doc.manifest as Record<string, unknown>, 'version', version, '/manifest/version'],
            ]
          : [];
    const issues: ProblemIssue[] = [];
    for (const [target, key, value, path] of expected) {
      if (target[key] === undefined) target[key] = value;
      else if (target[key] !== value)
        issues.push({
          path,
          code: 'const',
          message: `${path} must be ${value} (the ${key === 'tenantId' ? 'key’s tenant' : 'URL'}), not ${JSON.stringify(target[key])}`,
        });
    }
    if (issues.length) {
      throw new HttpProblem(
        'invalid-request',
        {
          da: 'Dokumentet passer ikke til nøglens kommune eller stien.',
          en: 'The document does not match the key’s tenant or the URL.',
        },
        { issues },
      );
    }
    return doc;
  }

  async load(tenantId: string, kind: ConfigKind, formId: string, version: string): Promise<TenantFormRecord> {
    const record = await this.store.getFormConfig(tenantId, kind, formId, version);
    if (!record || record.tenantId !== tenantId) {
      throw new HttpProblem('not-found', {
        da: `Konfigurationen ${kind}/${formId}/${version} findes ikke.`,
        en: `No configuration ${kind}/${formId}/${version}.`,
      });
    }
    return record;
  }

  warmValidation(): void {
    void this.ctx.validation.warm();
  }

  /** Every check of a stored (or about to be published) configuration, including the semver bump. */
  async check(record: TenantFormRecord): Promise<CheckResult> {
    const previous = await this.published.previous(record.tenantId, record.kind, record.formId, record.version);
    const input = {
      tenantId: record.tenantId,
      formId: record.formId,
      version: record.version,
      document: record.document,
      ...(previous ? { previous } : {}),
    };
    const result = await (record.kind === 'overlay'
      ? this.checker.checkOverlay(input)
      : this.checker.checkOwnForm(input));
    const notAfterGit = gitVersionProblem(this.published, record);
    if (notAfterGit && !result.problems.some((p) => p.path === '/version')) {
      result.ok = false;
      result.problems.push(notAfterGit);
    }
    return result;
  }

  audit(
    principal: Principal,
    action: FormConfigAction,
    record: Pick<TenantFormRecord, 'kind' | 'formId' | 'version'>,
  ): Omit<AuditEntry, 'id'> {
    return {
      tenantId: principal.tenantId,
      at: this.now(),
      actor: principal.keyId,
      action,
      details: scrubDetails({ kind: record.kind, formId: record.formId, version: record.version }),
    };
  }
}
