export { default, PLUGIN_NAME, PLUGIN_VERSION } from './plugin.js';
// The barometer's TRV-01 mapping, for renderers that show the suggestions beside the level.
export {
  INDSATSTYPER,
  TRIVSELSNIVEAUER,
  TRV01_FORSLAG,
  isTrivselsniveau,
  suggestedIndsatstype,
  suggestedSamarbejdspartnere,
  trv01Forslagstekst,
  type Indsatstype,
  type Trivselsniveau,
  type TrivselsniveauForslag,
} from './rules/trivselsvurdering.js';
