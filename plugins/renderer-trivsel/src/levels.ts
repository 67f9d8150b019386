import type { LocalizedText } from '@skema/core';

export interface TrivselLevel {
  /** The enumeration value (spec §6, exact Danish text). */
  value: string;
  /** "Tegn på trivsel/mistrivsel" (002 Trin 1). */
  signs: LocalizedText;
  /** "Barnets/den unges deltagelse i fællesskaber". */
  participation: LocalizedText;
  /** "Samarbejdspartnere". */
  collaborators: LocalizedText;
  /** "Indsatstype". */
  intervention: LocalizedText;
}

/**
 * The trivselsbarometer's five levels with the seed's own texts (002 Trin 1). English texts are
 * our translation; Danish is authoritative.
 */
export const TRIVSEL_LEVELS: readonly TrivselLevel[] = [
  {
    value: 'Børn i trivsel',
    signs: {
      da: 'Barnet/den unge er i positiv udvikling socialt, følelsesmæssigt og fysisk (med de almindelige udsving, der naturligt følger med).',
      en: 'The child/young person is developing well socially, emotionally and physically (with the ordinary ups and downs that come with it).',
    },
    participation: {
      da: 'Barnet/den unge deltager aktivt i sociale og læringsmæssige fællesskaber.',
      en: 'The child/young person takes an active part in social and learning communities.',
    },
    collaborators: {
      da: 'Samarbejde mellem skolen, barnet/den unge og forældre. Trækker primært på skolens ressourcepersoner.',
      en: "Cooperation between the school, the child/young person and the parents. Draws mainly on the school's resource persons.",
    },
    intervention: {
      da: 'Forebyggende indsats rettet mod alle børn i fællesskabet',
      en: 'Preventive intervention aimed at all children in the community',
    },
  },
  {
    value: 'Børn i moderat trivsel',
    signs: {
      da: 'Barnet/den unge er generelt i trivsel, men er begyndt i perioder at vise tegn på faldende trivsel. Begyndende bekymring i forhold til barnets/den unges trivsel, læring og udvikling.',
      en: "The child/young person is generally thriving but has begun at times to show signs of declining well-being. Beginning concern about the child's well-being, learning and development.",
    },
    participation: {
      da: 'Barnet/den unge opleves hovedsageligt at være deltagende i sociale og læringsmæssige fællesskaber.',
      en: 'The child/young person mostly takes part in social and learning communities.',
    },
    collaborators: {
      da: 'Samarbejde mellem skolen, barnet/den unge og forældre. Trækker primært på skolens ressourcepersoner. Konsultativ sparring med PPR og forebyggende socialrådgiver/familiebehandler.',
      en: "Cooperation between the school, the child/young person and the parents. Draws mainly on the school's resource persons. Consultative sparring with PPR and the preventive social worker/family therapist.",
    },
    intervention: {
      da: 'Forebyggende indsats rettet mod alle børn i fællesskabet',
      en: 'Preventive intervention aimed at all children in the community',
    },
  },
  {
    value: 'Børn i faldende trivsel',
    signs: {
      da: 'Barnet/den unge viser klare tegn på faldende trivsel/begyndende mistrivsel. Barnet/den unge opleves (evt. midlertidigt) i vanskeligheder socialt, følelsesmæssigt, lærings- og udviklingsmæssigt.',
      en: 'The child/young person shows clear signs of declining well-being/beginning distress and appears (perhaps temporarily) to be in difficulties socially, emotionally and in learning and development.',
    },
    participation: {
      da: 'Barnet/den unge er for det meste deltagende i sociale og læringsmæssige fællesskaber, men opleves i begyndende grad at komme i udsatte positioner i hverdagen.',
      en: 'The child/young person mostly takes part in social and learning communities but is beginning to end up in vulnerable positions in everyday life.',
    },
    collaborators: {
      da: 'Samarbejde mellem skolen, barnet/den unge og forældre samt ressourceperson, PPR og forebyggende socialrådgiver/familiebehandler.',
      en: 'Cooperation between the school, the child/young person and the parents, with a resource person, PPR and the preventive social worker/family therapist.',
    },
    intervention: {
      da: 'Foregribende indsats målrettet en gruppe af børn',
      en: 'Anticipatory intervention aimed at a group of children',
    },
  },
  {
    value: 'Børn i udsatte trivselspositioner',
    signs: {
      da: 'Barnet/den unge viser tydelige tegn på mistrivsel. Barnet/den unge opleves i bekymrende vanskeligheder socialt, følelsesmæssigt, lærings- og udviklingsmæssigt.',
      en: 'The child/young person shows clear signs of distress and appears to be in worrying difficulties socially, emotionally and in learning and development.',
    },
    participation: {
      da: 'Barnet/den unge opleves at komme i udsatte positioner i sociale og læringsmæssige fællesskaber og vurderes at være i begyndende risiko for en mere generel eksklusion/marginalisering.',
      en: 'The child/young person ends up in vulnerable positions in social and learning communities and is judged to be at beginning risk of more general exclusion/marginalisation.',
    },
    collaborators: {
      da: 'Samarbejde mellem skolen, barnet/den unge og forældre samt evt. ressourceperson, PPR og forebyggende socialrådgiver og/eller rådgiver i Myndighedsafdelingen.',
      en: 'Cooperation between the school, the child/young person and the parents, with a resource person if relevant, PPR and the preventive social worker and/or a caseworker in the authority department.',
    },
    intervention: {
      da: 'Indgribende indsats målrettet det enkelte barn',
      en: 'Intervening measure aimed at the individual child',
    },
  },
  {
    value: 'Børn i truede trivselspositioner',
    signs: {
      da: 'Barnet/den unge viser tydelige tegn på alvorlig mistrivsel og/eller omsorgssvigt. Barnet/den unge opleves i vedvarende og omfattende vanskeligheder socialt, følelsesmæssigt, lærings- og udviklingsmæssigt.',
      en: 'The child/young person shows clear signs of serious distress and/or neglect and appears to be in lasting and extensive difficulties socially, emotionally and in learning and development.',
    },
    participation: {
      da: 'Barnet/den unge opleves overvejende at stå udenfor sociale og læringsmæssige fællesskaber.',
      en: 'The child/young person mostly stands outside social and learning communities.',
    },
    collaborators: {
      da: 'Samarbejde mellem skolen, barnet/den unge og forældre samt PPR og forebyggende socialrådgiver og/eller rådgiver i Myndighedsafdelingen.',
      en: 'Cooperation between the school, the child/young person and the parents, with PPR and the preventive social worker and/or a caseworker in the authority department.',
    },
    intervention: {
      da: 'Indgribende indsats målrettet det enkelte barn',
      en: 'Intervening measure aimed at the individual child',
    },
  },
];

export const TRIVSEL_VALUES: readonly string[] = TRIVSEL_LEVELS.map((l) => l.value);
