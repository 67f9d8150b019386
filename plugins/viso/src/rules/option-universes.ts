import { YDELSE } from './henvendelsesskema-ydelser.js';

/*
 * The values list options of the VISO rules may hold (spec §6), so an option schema can state its
 * legal bounds (`listAtLeast`/`listAtMost` in core): a tenant may add members that make a rule
 * stricter, never remove the ones the handbook names.
 */

export const ALL_YDELSER: readonly string[] = Object.values(YDELSE);

export const ALL_MOEDETYPER: readonly string[] = [
  'Afklarende møde',
  'Arbejdsmøde',
  'Midtvejsmøde',
  'Møde om udredning',
  'Afsluttende møde',
  'Forankringsmøde',
  'Opfølgende møde',
  'Rådgivningsmøde',
  'Telefonisk faglig sparring',
];

export const ALL_BILAGSTYPER: readonly string[] = [
  'PPV',
  'elevplan',
  'skoleudtalelse',
  'WISC',
  'sansemotorisk profil',
  'journalblade',
  'screening/afdækning/undersøgelse',
  'VUM',
  'aktuel faglig status',
  'seneste udredninger',
  'status fra indsatser',
];
