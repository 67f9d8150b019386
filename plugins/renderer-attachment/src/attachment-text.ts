import type { Locale } from '@skema/core';
import { SkemaApiError } from '@skema/react';

/** A file size for people: «840 kB», «2,4 MB» (Danish decimal comma). */
export function formatSize(bytes: number, locale: Locale): string {
  const fmt = (n: number, digits: number) =>
    n.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: digits });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(Math.round(bytes / 1024), 0)} kB`;
  return `${fmt(bytes / 1024 / 1024, 1)} MB`;
}

export const ATTACHMENT_TEXT = {
  da: {
    choose: 'Vælg fil',
    chooseAnother: 'Vælg en fil mere',
    remove: (name: string) => `Fjern ${name}`,
    removeShort: 'Fjern',
    cancel: 'Annullér',
    sending: (name: string) => `Sender ${name}`,
    attached: (name: string) => `${name} er vedhæftet.`,
    removed: (name: string) => `${name} er fjernet.`,
    removedKept: (name: string) =>
      `${name} er fjernet fra feltet; filen bliver ved indsendelsen, da den allerede er sendt.`,
    cancelled: 'Afsendelsen blev annulleret; intet er gemt.',
    unavailable: 'Filer kan ikke vedhæftes her. Send dem til sagsbehandleren på anden vis.',
    allowed: 'PDF, billeder (PNG, JPEG, GIF, WebP, TIFF), Word eller ren tekst.',
    network: 'Forbindelsen til serveren blev afbrudt, så filen blev ikke vedhæftet. Prøv igen.',
    refused: (detail: string) => `Filen blev ikke vedhæftet: ${detail}`,
    removeFailed: (detail: string) => `Filen kunne ikke fjernes: ${detail}`,
    tooLarge: 'Filen er for stor.',
    wrongType: 'Filtypen kan ikke vedhæftes. Tilladt er PDF, billeder (PNG, JPEG, GIF, WebP, TIFF), Word og ren tekst.',
  },
  en: {
    choose: 'Choose file',
    chooseAnother: 'Choose another file',
    remove: (name: string) => `Remove ${name}`,
    removeShort: 'Remove',
    cancel: 'Cancel',
    sending: (name: string) => `Sending ${name}`,
    attached: (name: string) => `${name} is attached.`,
    removed: (name: string) => `${name} is removed.`,
    removedKept: (name: string) =>
      `${name} is removed from the field; the file stays with the submission, as it was already sent.`,
    cancelled: 'The upload was cancelled; nothing was stored.',
    unavailable: 'Files cannot be attached here. Send them to the caseworker another way.',
    allowed: 'PDF, images (PNG, JPEG, GIF, WebP, TIFF), Word or plain text.',
    network: 'The connection to the server was lost, so the file was not attached. Try again.',
    refused: (detail: string) => `The file was not attached: ${detail}`,
    removeFailed: (detail: string) => `The file could not be removed: ${detail}`,
    tooLarge: 'The file is too large.',
    wrongType:
      'This type of file cannot be attached. Allowed are PDF, images (PNG, JPEG, GIF, WebP, TIFF), Word and plain text.',
  },
} as const;

export type AttachmentText = (typeof ATTACHMENT_TEXT)[Locale];

/**
 * The message shown at the field for a failed upload: the server's own detail (problem+json, in the
 * form's language: it names the limit or the detected type), or a plain one when it sent none.
 */
export function uploadErrorMessage(error: unknown, text: AttachmentText): string {
  if (!(error instanceof SkemaApiError)) return text.network;
  if (error.status === 0) return text.network;
  const detail = error.problem.detail;
  if (detail) return text.refused(detail);
  if (error.status === 413) return text.refused(text.tooLarge);
  if (error.status === 415) return text.refused(text.wrongType);
  return text.refused(error.message);
}

/** What the file input suggests in the browser's file picker; the server decides from the content. */
export const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.doc,.docx,.txt,application/pdf,image/*,text/plain,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
