/**
 * The VISO rådgivningsydelser of spec §2.2 as data: who may refer, whether a single borger is named,
 * and which approvals each ydelse needs. The rules of the henvendelsesskema read this table instead of
 * chains of ifs, so a change in VISO's handbook is a change of one row.
 */

export const YDELSE = {
  telefon: 'Telefonrådgivning',
  udvidetTelefon: 'Udvidet telefonrådgivning – for fagpersoner',
  borgere: 'Rådgivningsforløb – for borgere',
  enkeltsag: 'Rådgivningsforløb i en enkeltsag',
  miniEnkeltsag: 'Mini-rådgivningsforløb i en enkeltsag – for fagpersoner',
  flereBorgere: 'Rådgivningsforløb vedrørende flere borgere – for fagpersoner',
  miniFlereBorgere: 'Mini-rådgivningsforløb vedrørende flere borgere – for fagpersoner',
  temaforloeb: 'Temaforløb – for fagpersoner',
  adoption: 'Rådgivningsforløb om adoption uden samtykke – for myndighedsrådgivere',
  temadageAdoption: 'Temadage om adoption uden samtykke',
  sagsbehandling: 'Rådgivningsforløb om sagsbehandling – for myndighedsrådgivere',
  miniSagsbehandling: 'Mini-rådgivningsforløb om sagsbehandling – for myndighedsrådgivere',
} as const;

export type Ydelse = (typeof YDELSE)[keyof typeof YDELSE];

export type Ydelsestype = 'børn/unge' | 'specialundervisning' | 'voksne';

export type HenvenderRolle =
  | 'myndighedsrådgiver'
  | 'leder i myndighed'
  | 'PPR'
  | 'leder af tilbud'
  | 'ledelsesrepræsentant på skolen'
  | 'borger'
  | 'forælder';

export const FAGPERSONER: readonly HenvenderRolle[] = [
  'myndighedsrådgiver',
  'leder i myndighed',
  'PPR',
  'leder af tilbud',
  'ledelsesrepræsentant på skolen',
];
export const BORGERROLLER: readonly HenvenderRolle[] = ['borger', 'forælder'];

/** The henvender's yes/no fields saying who else knows about the referral. */
export type OrienteringsFelt = 'lederOrienteret' | 'pprOrienteret' | 'myndighedOrienteret';

/** One way to be an eligible referrer of a ydelse. */
export interface Henvenderadgang {
  roller: readonly HenvenderRolle[];
  /** Limits this way to some areas (e.g. PPR refers an enkeltsag only on the specialundervisning area). */
  ydelsestyper?: readonly Ydelsestype[];
  /** Every entry must be true; an entry that is a list is met when one of its fields is true. */
  orienteret?: ReadonlyArray<OrienteringsFelt | readonly OrienteringsFelt[]>;
  /** The myndighedsrådgiver directly involved must be named (`/henvender/myndighedsraadgiver`). */
  myndighedsraadgiverNavngivet?: boolean;
}

/**
 * How the form names the person concerned:
 * - `identificeret`: exactly one borger with name and CPR (one case per CPR);
 * - `anonym`: the ydelse is anonymous, nothing identifying is passed on;
 * - `valgfrit anonym`: may be anonymous (telefonrådgivning is «oftest anonymiseret»);
 * - `ingen`: the ydelse concerns a group of borgere or a theme, never one person.
 */
export type Borgerform = 'identificeret' | 'anonym' | 'valgfrit anonym' | 'ingen';

/** What a tilbud without driftsoverenskomst with the kommune may do (001 §3.6–3.8). */
export type UdenDriftsoverenskomst =
  'tilladt' | 'myndigheden skal være henvender' | 'myndigheden skal være indforstået' | 'ikke tilladt';

export interface Ydelsesprofil {
  ydelse: Ydelse;
  /** Seed section the row is taken from. */
  kilde: string;
  henvendere: readonly Henvenderadgang[];
  borger: Borgerform;
  /** HEN-12: «godkendt på ledelsesniveau» / «aftalt med ledelsen». */
  ledelsesgodkendelse: boolean;
  /** HEN-10: «Der skal forelægge accept fra borgeren». */
  borgeraccept: boolean;
  /** HEN-13. */
  udenDriftsoverenskomst: UdenDriftsoverenskomst;
  /** HEN-01: may be created by the fagkonsulent's internal procedure instead of the digital form. */
  internOprettelse: 'nej' | 'ja' | 'ved almengørelse af en enkeltsag';
}

const ALLE: readonly HenvenderRolle[] = [...FAGPERSONER, ...BORGERROLLER];

export const YDELSESPROFILER: readonly Ydelsesprofil[] = [
  {
    ydelse: YDELSE.telefon,
    kilde: '001 §3.1',
    henvendere: [{ roller: ALLE }],
    borger: 'valgfrit anonym',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.udvidetTelefon,
    kilde: '001 §3.2',
    henvendere: [{ roller: FAGPERSONER }],
    borger: 'anonym',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'ja',
  },
  {
    ydelse: YDELSE.borgere,
    kilde: '001 §3.3',
    henvendere: [{ roller: BORGERROLLER }],
    borger: 'identificeret',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.enkeltsag,
    kilde: '001 §3.4',
    henvendere: [
      // «Myndighedsrådgiver skal være direkte involveret i henvendelsen»
      { roller: ['myndighedsrådgiver'], ydelsestyper: ['børn/unge', 'voksne'] },
      // The seed does not limit who sends the form: others (a bosted, the myndighed with the udfører)
      // may, provided the myndighedsrådgiver directly involved is named.
      { roller: FAGPERSONER, ydelsestyper: ['børn/unge', 'voksne'], myndighedsraadgiverNavngivet: true },
      // «Henvendelse fra PPR – leder fra barnets eller den unges tilbud er orienteret»
      { roller: ['PPR'], ydelsestyper: ['specialundervisning'], orienteret: ['lederOrienteret'] },
    ],
    borger: 'identificeret',
    ledelsesgodkendelse: true,
    borgeraccept: false,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.miniEnkeltsag,
    kilde: '001 §3.5',
    henvendere: [
      { roller: ['leder af tilbud'], orienteret: ['myndighedOrienteret'] },
      { roller: ['myndighedsrådgiver'], orienteret: ['lederOrienteret'] },
      { roller: ['PPR'], orienteret: ['lederOrienteret'] },
      { roller: ['ledelsesrepræsentant på skolen'], orienteret: ['pprOrienteret'] },
    ],
    borger: 'identificeret',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.flereBorgere,
    kilde: '001 §3.6',
    henvendere: [{ roller: ['myndighedsrådgiver', 'PPR', 'leder af tilbud'] }],
    borger: 'ingen',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'myndigheden skal være henvender',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.miniFlereBorgere,
    kilde: '001 §3.7',
    // «Leder på tilbud eller leder af en gruppe fagpersoner med samme opgave»
    henvendere: [{ roller: ['leder af tilbud', 'ledelsesrepræsentant på skolen', 'leder i myndighed'] }],
    borger: 'ingen',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'myndigheden skal være indforstået',
    internOprettelse: 'ved almengørelse af en enkeltsag',
  },
  {
    ydelse: YDELSE.temaforloeb,
    kilde: '001 §3.8',
    henvendere: [
      { roller: ['myndighedsrådgiver', 'leder i myndighed', 'PPR'] },
      // «Ved henvendelse fra skole og tilbud skal henvendelsen ske fra lederniveau og myndighed/PPR skal være orienteret»
      {
        roller: ['leder af tilbud', 'ledelsesrepræsentant på skolen'],
        orienteret: [['myndighedOrienteret', 'pprOrienteret']],
      },
    ],
    borger: 'ingen',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'ikke tilladt',
    internOprettelse: 'ja',
  },
  {
    ydelse: YDELSE.adoption,
    kilde: '001 §3.9',
    henvendere: [{ roller: ['myndighedsrådgiver'] }],
    borger: 'identificeret',
    ledelsesgodkendelse: true,
    borgeraccept: false,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.temadageAdoption,
    kilde: '001 §3.10',
    henvendere: [{ roller: ['myndighedsrådgiver', 'leder i myndighed'] }],
    borger: 'ingen',
    ledelsesgodkendelse: false,
    borgeraccept: false,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.sagsbehandling,
    kilde: '001 §3.11',
    henvendere: [{ roller: ['myndighedsrådgiver', 'leder i myndighed'] }],
    borger: 'identificeret',
    ledelsesgodkendelse: true,
    borgeraccept: true,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
  {
    ydelse: YDELSE.miniSagsbehandling,
    kilde: '001 §3.12',
    // «Ledelsen skal være orienteret om henvendelsen»
    henvendere: [{ roller: ['myndighedsrådgiver'], orienteret: ['lederOrienteret'] }],
    borger: 'identificeret',
    ledelsesgodkendelse: false,
    borgeraccept: true,
    udenDriftsoverenskomst: 'tilladt',
    internOprettelse: 'nej',
  },
];

const BY_YDELSE = new Map<string, Ydelsesprofil>(YDELSESPROFILER.map((p) => [p.ydelse, p]));

/** The row of a ydelse, or undefined for a missing or unknown ydelse (the schema reports those). */
export function ydelsesprofil(ydelse: unknown): Ydelsesprofil | undefined {
  return typeof ydelse === 'string' ? BY_YDELSE.get(ydelse) : undefined;
}
