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
  draftSavedTitle: string;
  continueDraft: string;
  receiptFields: {
    form: string;
    subject: string;
    submittedAt: string;
    savedAt: string;
    sender: string;
    number: string;
    draftNumber: string;
    technical: string;
    version: string;
    schemaHash: string;
    validatedAt: string;
    plugins: string;
  };
  networkError: string;
  serverRejected: string;
  /** List rows are named by the singular item label when the form has one, else by the list's label. */
  add(name: ItemName): string;
  remove(name: ItemName, n: number): string;
  moveUp(name: ItemName, n: number): string;
  moveDown(name: ItemName, n: number): string;
  item(name: ItemName, n: number): string;
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

/** A list's label (plural: «Samtykker») and, when the form gives one, its items' (singular: «Samtykke»). */
export interface ItemName {
  list: string;
  item?: string | undefined;
}

/** «Samtykke» → «samtykke» inside a sentence; an acronym (VISO, CPR-nummer) keeps its capitals. */
function inSentence(text: string): string {
  return /^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
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
  draftSavedTitle: 'Kladde gemt',
  continueDraft: 'Fortsæt kladden',
  receiptFields: {
    form: 'Formular',
    subject: 'Barn eller borger',
    submittedAt: 'Indsendt',
    savedAt: 'Gemt',
    sender: 'Afsender',
    number: 'Kvitteringsnummer',
    draftNumber: 'Kladdenummer',
    technical: 'Tekniske detaljer',
    version: 'Formular og version',
    schemaHash: 'Skemaets kontrolsum',
    validatedAt: 'Valideret',
    plugins: 'Regler',
  },
  networkError: 'Der kunne ikke oprettes forbindelse til serveren. Prøv igen.',
  serverRejected: 'Serveren afviste indsendelsen.',
  add: ({ list, item }) => (item ? `Tilføj ${inSentence(item)}` : `Tilføj til ${inSentence(list)}`),
  remove: ({ list, item }, n) =>
    item ? `Fjern ${inSentence(item)} nr. ${n}` : `Fjern nr. ${n} fra ${inSentence(list)}`,
  moveUp: ({ list, item }, n) =>
    item ? `Flyt ${inSentence(item)} nr. ${n} op` : `Flyt nr. ${n} op i ${inSentence(list)}`,
  moveDown: ({ list, item }, n) =>
    item ? `Flyt ${inSentence(item)} nr. ${n} ned` : `Flyt nr. ${n} ned i ${inSentence(list)}`,
  item: ({ list, item }, n) => (item ? `${item} nr. ${n}` : list ? `${list}: nr. ${n}` : `Nr. ${n}`),
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
  draftSavedTitle: 'Draft saved',
  continueDraft: 'Continue the draft',
  receiptFields: {
    form: 'Form',
    subject: 'Child or citizen',
    submittedAt: 'Submitted',
    savedAt: 'Saved',
    sender: 'Sender',
    number: 'Receipt number',
    draftNumber: 'Draft number',
    technical: 'Technical details',
    version: 'Form and version',
    schemaHash: 'Schema checksum',
    validatedAt: 'Validated',
    plugins: 'Rules',
  },
  networkError: 'Could not reach the server. Please try again.',
  serverRejected: 'The server rejected the submission.',
  add: ({ list, item }) => (item ? `Add ${inSentence(item)}` : `Add to ${inSentence(list)}`),
  remove: ({ list, item }, n) =>
    item ? `Remove ${inSentence(item)} no. ${n}` : `Remove no. ${n} from ${inSentence(list)}`,
  moveUp: ({ list, item }, n) =>
    item ? `Move ${inSentence(item)} no. ${n} up` : `Move no. ${n} up in ${inSentence(list)}`,
  moveDown: ({ list, item }, n) =>
    item ? `Move ${inSentence(item)} no. ${n} down` : `Move no. ${n} down in ${inSentence(list)}`,
  item: ({ list, item }, n) => (item ? `${item} no. ${n}` : list ? `${list}: no. ${n}` : `No. ${n}`),
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
