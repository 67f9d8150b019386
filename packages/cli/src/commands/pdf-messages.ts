import type { Locale } from '@skema/core';

/** The texts of `skema pdf`, in Danish and English (`--locale`). */
export const PDF_TEXT = {
  da: {
    needsOut: 'pdf mangler --out <fil.pdf>',
    needsInput: 'pdf skal have --form og --data (eller --api og --submission)',
    apiNeeds: 'pdf --api kræver --submission <id> og hverken --form eller --data',
    apiNoKey: 'Ingen API-nøgle: angiv --token eller SKEMA_API_KEY',
    apiUrl: (url: string) => `--api skal være en http(s)-adresse, ikke "${url}"`,
    unreachable: (url: string, why: string) => `API'et på ${url} svarer ikke (${why})`,
    refused: (status: number, code: string) => `API'et afviste at lave dokumentet (HTTP ${status}, ${code})`,
    notPdf: (type: string) => `API'et svarede ikke med en PDF (Content-Type: ${type})`,
    badDate: (option: string, value: string) => `${option} skal være et tidspunkt (ISO 8601), ikke "${value}"`,
    written: (file: string, bytes: number) => `Skrevet til ${file} (${bytes} bytes)`,
  },
  en: {
    needsOut: 'pdf needs --out <file.pdf>',
    needsInput: 'pdf needs --form and --data (or --api and --submission)',
    apiNeeds: 'pdf --api needs --submission <id> and neither --form nor --data',
    apiNoKey: 'No API key: give --token or set SKEMA_API_KEY',
    apiUrl: (url: string) => `--api must be an http(s) address, not "${url}"`,
    unreachable: (url: string, why: string) => `The API at ${url} does not answer (${why})`,
    refused: (status: number, code: string) => `The API refused to make the document (HTTP ${status}, ${code})`,
    notPdf: (type: string) => `The API did not answer with a PDF (Content-Type: ${type})`,
    badDate: (option: string, value: string) => `${option} must be an ISO 8601 date-time, not "${value}"`,
    written: (file: string, bytes: number) => `Written to ${file} (${bytes} bytes)`,
  },
} as const;

export type PdfText = (typeof PDF_TEXT)[Locale];
