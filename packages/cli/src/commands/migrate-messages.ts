import type { Locale, ValidationIssue } from '@skema/core';
import type { Io } from '../io.js';

/** The texts of `skema migrate`, in Danish and English (`--locale`). */
export const MIGRATE_TEXT = {
  da: {
    needsTo: 'migrate mangler --to <version>',
    needsFile: "migrate skal have præcis én datafil (eller --api til en indsendelse i API'et)",
    needsForm: (what: string) =>
      `${what} mangler: angiv --form og --from, eller brug en gemt indsendelse med "formId", "version" og "data"`,
    conflict: (option: string, given: string, stored: string) =>
      `${option} er "${given}", men den gemte indsendelse siger "${stored}"`,
    badFormId: (id: string) => `"${id}" er ikke et skema-id`,
    noPath: (formId: string, from: string, to: string) => `Ingen migreringsvej for ${formId} fra ${from} til ${to}`,
    failed: (formId: string, from: string, to: string) => `Migreringen af ${formId} fra ${from} til ${to} mislykkedes`,
    invalid: (formId: string, version: string, n: number) =>
      `De migrerede data er ikke gyldige under ${formId}@${version}: ${n} fejl. Intet er skrevet.`,
    migrated: (formId: string, from: string, to: string, steps: string) =>
      `${formId} ${from} → ${to} migreret (${steps}): gyldig`,
    noSteps: 'ingen trin',
    written: (file: string) => `Skrevet til ${file}`,
    warning: 'advarsel',
    error: 'fejl',
    apiNeeds: 'migrate --api kræver --submission <id> og --to <version>, og ingen datafil',
    apiNoKey: 'Ingen API-nøgle: angiv --key eller SKEMA_API_KEY',
    apiUrl: (url: string) => `--api skal være en http(s)-adresse, ikke "${url}"`,
    unreachable: (url: string, why: string) => `API'et på ${url} svarer ikke (${why})`,
    refused: (status: number, code: string) => `API'et afviste migreringen (HTTP ${status}, ${code})`,
    newRevision: (id: string, revision: number, formId: string, version: string) =>
      `Indsendelse ${id}: ny revision ${revision} under ${formId}@${version}`,
    receipt: (at: string, hash: string) => `Kvittering: valideret ${at}, skemaets hash ${hash}`,
  },
  en: {
    needsTo: 'migrate needs --to <version>',
    needsFile: 'migrate needs exactly one data file (or --api for a submission in the API)',
    needsForm: (what: string) =>
      `${what} is missing: give --form and --from, or use a stored submission with "formId", "version" and "data"`,
    conflict: (option: string, given: string, stored: string) =>
      `${option} is "${given}", but the stored submission says "${stored}"`,
    badFormId: (id: string) => `"${id}" is not a form id`,
    noPath: (formId: string, from: string, to: string) => `No migration path for ${formId} from ${from} to ${to}`,
    failed: (formId: string, from: string, to: string) => `Migrating ${formId} from ${from} to ${to} failed`,
    invalid: (formId: string, version: string, n: number) =>
      `The migrated data is not valid under ${formId}@${version}: ${n} error(s). Nothing was written.`,
    migrated: (formId: string, from: string, to: string, steps: string) =>
      `${formId} ${from} → ${to} migrated (${steps}): valid`,
    noSteps: 'no steps',
    written: (file: string) => `Written to ${file}`,
    warning: 'warning',
    error: 'error',
    apiNeeds: 'migrate --api needs --submission <id> and --to <version>, and no data file',
    apiNoKey: 'No API key: give --key or set SKEMA_API_KEY',
    apiUrl: (url: string) => `--api must be an http(s) address, not "${url}"`,
    unreachable: (url: string, why: string) => `The API at ${url} does not answer (${why})`,
    refused: (status: number, code: string) => `The API refused the migration (HTTP ${status}, ${code})`,
    newRevision: (id: string, revision: number, formId: string, version: string) =>
      `Submission ${id}: new revision ${revision} under ${formId}@${version}`,
    receipt: (at: string, hash: string) => `Receipt: validated ${at}, schema hash ${hash}`,
  },
} as const;

export type MigrateText = (typeof MIGRATE_TEXT)[Locale];

/** One issue as a line: label, JSON Pointer, code (rule id or keyword), message; the same columns as `skema validate`. */
export function printIssue(
  write: Io['out'],
  label: string,
  issue: Pick<ValidationIssue, 'path' | 'code' | 'message'>,
): void {
  write(`  ${label.padEnd(9)} ${(issue.path || '/').padEnd(32)} ${issue.code.padEnd(18)} ${issue.message}`);
}
