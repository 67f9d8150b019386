import {
  compareVersions,
  nextVersionFor,
  type FormOverlay,
  type FormRegistry,
  type FormVersion,
  type RequiredBump,
  type TenantFormRecord,
} from '@skema/core';
import { HttpProblem } from '../http/problem.js';
import type { ConfigChecker } from './check-config.js';
import { configProblem, type ConfigProblem } from './config-problem.js';
import type { PublishedForms } from './published-forms.js';

/** What an editor starts from: the overlay in effect (if any), where it comes from, and the base version it applies to. */
export interface EffectiveOverlayView {
  tenantId: string;
  formId: string;
  source: 'git' | 'api' | 'none';
  version?: string;
  overlay?: FormOverlay;
  base: Pick<FormVersion, 'manifest' | 'schema' | 'uischema' | 'i18n' | 'hash'>;
}

/** The version an unsaved overlay would be published as: above every published (or git) version, bumped as its changes require. */
export interface NextOverlayVersion {
  version: string;
  previousVersion?: string;
  requiredBump: RequiredBump;
}

export function effectiveOverlayView(
  published: PublishedForms,
  registry: FormRegistry,
  tenantId: string,
  formId: string,
): EffectiveOverlayView {
  if (!registry.has(formId)) {
    throw new HttpProblem('not-found', {
      da: `Der er ingen fælles formular ${formId} at tilpasse.`,
      en: `There is no shared form ${formId} to configure.`,
    });
  }
  const effective = published.effective(tenantId, formId);
  const base = registry.resolve(formId, effective?.overlay.baseVersion ?? 'latest');
  const { manifest, schema, uischema, i18n, hash } = base;
  return {
    tenantId,
    formId,
    source: effective?.source ?? 'none',
    ...(effective ? { version: effective.overlay.version, overlay: effective.overlay } : {}),
    base: { manifest, schema, uischema, i18n, hash },
  };
}

export async function nextOverlayVersion(
  published: PublishedForms,
  checker: ConfigChecker,
  tenantId: string,
  base: FormVersion,
  form: FormVersion,
): Promise<NextOverlayVersion> {
  const formId = base.manifest.id;
  // '' is no version: every published, deprecated and git version counts.
  const previous = await published.previous(tenantId, 'overlay', formId, '');
  if (!previous) return { version: '1.0.0', requiredBump: 'none' };
  const patch = nextVersionFor(previous.version, 'patch');
  const required = checker.requiredSince(tenantId, base, form, previous, patch) ?? 'patch';
  return {
    version: nextVersionFor(previous.version, required === 'none' ? 'patch' : required),
    previousVersion: previous.version,
    requiredBump: required,
  };
}

/**
 * The git-kept overlay wins a tie (and any lower version is not a step forward), so an API
 * version that is not above it would be published without ever taking effect.
 */
export function gitVersionProblem(
  published: PublishedForms,
  record: Pick<TenantFormRecord, 'tenantId' | 'kind' | 'formId' | 'version'>,
): ConfigProblem | undefined {
  if (record.kind !== 'overlay') return undefined;
  const git = published.gitOverlay(record.tenantId, record.formId);
  if (!git || compareVersions(record.version, git.version) > 0) return undefined;
  const needed = nextVersionFor(git.version, 'patch');
  return configProblem('/version', 'version-not-after-git', {
    da: `Versionen ${record.version} er ikke højere end kommunens tilpasning i git (version ${git.version}), så den ville aldrig komme til at gælde. Brug mindst version ${needed}.`,
    en: `Version ${record.version} is not above the municipality's git-kept overlay (version ${git.version}), so it would never take effect. Use at least version ${needed}.`,
  });
}
