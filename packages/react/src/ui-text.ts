import type { Locale } from '@skema/core';

/** The component's own texts (buttons, summary, states); the form's texts come from its i18n files. */
export interface UiText {
  loading: string;
  loadFailed: string;
  errorSummaryTitle(count: number): string;
  warningsTitle(count: number): string;
  required: string;
  requiredHint: string;
  saveDraft: string;
  savingDraft: string;
  draftSaved(at: string): string;
  submit: string;
  submitting: string;
  submitted: string;
  submittedAs(id: string): string;
  receipt: string;
  receiptFields: { form: string; version: string; schemaHash: string; validatedAt: string; plugins: string };
  networkError: string;
  serverRejected: string;
  add(label: string): string;
  remove(label: string, n: number): string;
  moveUp(label: string, n: number): string;
  moveDown(label: string, n: number): string;
  item(label: string, n: number): string;
  noItems: string;
  choose: string;
  yes: string;
  no: string;
  steps: string;
  previousStep: string;
  nextStep: string;
  stepErrors(count: number): string;
  warning: string;
  error: string;
}

const da: UiText = {
  loading: 'Henter formularen …',
  loadFailed: 'Formularen kunne ikke hentes.',
  errorSummaryTitle: (n) => (n === 1 ? 'Der er 1 fejl i formularen' : `Der er ${n} fejl i formularen`),
  warningsTitle: (n) => (n === 1 ? '1 advarsel' : `${n} advarsler`),
  required: 'skal udfyldes',
  requiredHint: 'Felter markeret med * skal udfyldes.',
  saveDraft: 'Gem kladde',
  savingDraft: 'Gemmer kladde …',
  draftSaved: (at) => `Kladden er gemt ${at}.`,
  submit: 'Indsend',
  submitting: 'Indsender …',
  submitted: 'Formularen er indsendt.',
  submittedAs: (id) => `Kvitteringsnummer: ${id}`,
  receipt: 'Kvittering',
  receiptFields: { form: 'Formular', version: 'Version', schemaHash: 'Skemaets kontrolsum', validatedAt: 'Valideret', plugins: 'Regler' },
  networkError: 'Der kunne ikke oprettes forbindelse til serveren. Prøv igen.',
  serverRejected: 'Serveren afviste indsendelsen.',
  add: (label) => `Tilføj ${label.toLowerCase()}`,
  remove: (label, n) => `Fjern ${label.toLowerCase()} nr. ${n}`,
  moveUp: (label, n) => `Flyt ${label.toLowerCase()} nr. ${n} op`,
  moveDown: (label, n) => `Flyt ${label.toLowerCase()} nr. ${n} ned`,
  item: (label, n) => `${label} nr. ${n}`,
  noItems: 'Ingen endnu.',
  choose: 'Vælg …',
  yes: 'Ja',
  no: 'Nej',
  steps: 'Trin',
  previousStep: 'Forrige trin',
  nextStep: 'Næste trin',
  stepErrors: (n) => (n === 1 ? '1 fejl' : `${n} fejl`),
  warning: 'Advarsel',
  error: 'Fejl',
};

const en: UiText = {
  loading: 'Loading the form …',
  loadFailed: 'The form could not be loaded.',
  errorSummaryTitle: (n) => (n === 1 ? 'There is 1 error in the form' : `There are ${n} errors in the form`),
  warningsTitle: (n) => (n === 1 ? '1 warning' : `${n} warnings`),
  required: 'required',
  requiredHint: 'Fields marked with * are required.',
  saveDraft: 'Save draft',
  savingDraft: 'Saving draft …',
  draftSaved: (at) => `The draft was saved at ${at}.`,
  submit: 'Submit',
  submitting: 'Submitting …',
  submitted: 'The form has been submitted.',
  submittedAs: (id) => `Receipt number: ${id}`,
  receipt: 'Receipt',
  receiptFields: { form: 'Form', version: 'Version', schemaHash: 'Schema checksum', validatedAt: 'Validated', plugins: 'Rules' },
  networkError: 'Could not reach the server. Please try again.',
  serverRejected: 'The server rejected the submission.',
  add: (label) => `Add ${label.toLowerCase()}`,
  remove: (label, n) => `Remove ${label.toLowerCase()} no. ${n}`,
  moveUp: (label, n) => `Move ${label.toLowerCase()} no. ${n} up`,
  moveDown: (label, n) => `Move ${label.toLowerCase()} no. ${n} down`,
  item: (label, n) => `${label} no. ${n}`,
  noItems: 'None yet.',
  choose: 'Choose …',
  yes: 'Yes',
  no: 'No',
  steps: 'Steps',
  previousStep: 'Previous step',
  nextStep: 'Next step',
  stepErrors: (n) => (n === 1 ? '1 error' : `${n} errors`),
  warning: 'Warning',
  error: 'Error',
};

export function uiText(locale: Locale): UiText {
  return locale === 'en' ? en : da;
}
