import { arrayAt, movePresent } from '@skema/core';

/**
 * Submission migrations the viso forms' `form.json` name (`migration.plugin`): from underretning
 * 1.1.0 and leveranceaftale 1.2.0 an approval is an act of a signed-in person, so names typed into
 * the old approval fields move, where a submission has them, into the form's «ikke verificeret»
 * history (`/tidligereGodkendelser`), never dropped and never read as approvals.
 */
export const visoMigrations = (): Record<string, (data: unknown) => unknown> => ({
  // From henvendelsesskema 1.2.0 a bilag is a stored file: a typed file name is kept as unverified text.
  'henvendelsesskema/bilag-filnavne': moveInItems('/bilag', 'fil', 'tidligereFilnavn'),
  'underretning/tidligere-godkendelser': movePresent([
    { from: '/medunderskriver', path: '/tidligereGodkendelser/medunderskriver' },
  ]),
  'leveranceaftale/tidligere-godkendelser': movePresent([
    { from: '/fagkonsulentGodkendelse', path: '/tidligereGodkendelser/fagkonsulentGodkendelse' },
    { from: '/lederGodkendelse', path: '/tidligereGodkendelser/lederGodkendelse' },
  ]),
  'leveranceaftale/aendringer-godkendelser': changeApprovalsToHistory,
});

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Moves member `from` to `to` in every item of the list at `list` that has it (a typed file name
 * to its «ikke verificeret» field). Nothing is dropped: an item already holding `to` fails the
 * migration, as `movePresent` does. Returns new data; the input is not changed.
 */
export function moveInItems(list: string, from: string, to: string): (data: unknown) => unknown {
  return (data) => {
    const items = arrayAt(data, list);
    if (!items.some((item) => isObj(item) && from in item)) return data;
    const copy = structuredClone(data);
    for (const item of arrayAt(copy, list)) {
      if (!isObj(item) || !(from in item)) continue;
      if (to in item) throw new Error('target-occupied');
      const rebuilt = Object.fromEntries(Object.entries(item).map(([k, v]) => [k === from ? to : k, v]));
      for (const k of Object.keys(item)) Reflect.deleteProperty(item, k);
      Object.assign(item, rebuilt);
    }
    return copy;
  };
}

/**
 * leveranceaftale 1.3.0 (LEV-11): each change's typed approver (`godkendtAf`, `godkendtDato`) moves
 * to `/tidligereGodkendelser/aendringer` with the change's number and type, in order; changes
 * without one are left alone. A submission already holding that history fails, as `movePresent` does.
 */
export function changeApprovalsToHistory(data: unknown): unknown {
  const typed = (item: unknown): item is Record<string, unknown> =>
    isObj(item) && ('godkendtAf' in item || 'godkendtDato' in item);
  if (!arrayAt(data, '/aendringer').some(typed)) return data;
  const copy = structuredClone(data) as Record<string, unknown>;
  const history: Array<Record<string, unknown>> = [];
  arrayAt(copy, '/aendringer').forEach((item, i) => {
    if (!typed(item)) return;
    const { godkendtAf, godkendtDato } = item;
    Reflect.deleteProperty(item, 'godkendtAf');
    Reflect.deleteProperty(item, 'godkendtDato');
    history.push({
      aendring: i + 1,
      ...(item.type !== undefined ? { type: item.type } : {}),
      ...(godkendtAf !== undefined ? { godkendtAf } : {}),
      ...(godkendtDato !== undefined ? { godkendtDato } : {}),
    });
  });
  const previous = isObj(copy.tidligereGodkendelser) ? copy.tidligereGodkendelser : {};
  if ('aendringer' in previous) throw new Error('target-occupied');
  copy.tidligereGodkendelser = { ...previous, aendringer: history };
  return copy;
}
