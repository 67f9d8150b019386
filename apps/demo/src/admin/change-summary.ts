import type { FieldInfo } from './form-fields.js';
import { hidden, ownFields, required, texts, titleOf, type OverlayDraft } from './overlay-draft.js';

/** What the summary needs of the national form: its title, fields and Danish texts. */
export interface SummaryContext {
  tenantId: string;
  title: string;
  fields: readonly FieldInfo[];
  nationalTexts: Record<string, string>;
}

const added = (from: readonly string[], to: readonly string[]) => to.filter((x) => !from.includes(x));

// Members the plain list describes; any other difference is summed up as one advanced change.
const DESCRIBED = new Set(['tenantId', 'formId', 'version', 'title', 'texts', 'hide', 'require', 'fields']);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * What changes for the caseworkers when the draft replaces the configuration in effect, in plain
 * Danish («Feltet «Barnets navn» bliver skjult»), in the form's order; empty when nothing changes.
 */
export function describeChanges(
  effective: OverlayDraft | undefined,
  draft: OverlayDraft,
  ctx: SummaryContext,
): string[] {
  const before = effective ?? {};
  const lines: string[] = [];
  const byPointer = new Map(ctx.fields.map((f) => [f.pointer, f]));
  const textBefore = (key: string) => texts(before, 'da')[key] ?? ctx.nationalTexts[key];
  const textAfter = (key: string) => texts(draft, 'da')[key] ?? ctx.nationalTexts[key];
  const labelOf = (pointer: string) => {
    const field = byPointer.get(pointer);
    return field ? (textAfter(`${field.key}.label`) ?? field.label) : pointer;
  };

  const oldTitle = titleOf(before, ctx.title);
  const newTitle = titleOf(draft, ctx.title);
  if (oldTitle !== newTitle) lines.push(`Overskriften ændres fra «${oldTitle}» til «${newTitle}».`);

  const order = (pointers: string[]) =>
    [...pointers].sort(
      (a, b) => ctx.fields.findIndex((f) => f.pointer === a) - ctx.fields.findIndex((f) => f.pointer === b),
    );
  for (const p of order(added(hidden(before), hidden(draft)))) lines.push(`Feltet «${labelOf(p)}» bliver skjult.`);
  for (const p of order(added(hidden(draft), hidden(before)))) lines.push(`Feltet «${labelOf(p)}» bliver vist igen.`);
  for (const p of order(added(required(before), required(draft))))
    lines.push(`Feltet «${labelOf(p)}» skal nu udfyldes.`);
  for (const p of order(added(required(draft), required(before))))
    lines.push(`Feltet «${labelOf(p)}» skal ikke længere udfyldes.`);

  for (const field of ctx.fields) {
    const name = textBefore(`${field.key}.label`) ?? field.label;
    const label = `${field.key}.label`;
    if (textBefore(label) !== textAfter(label))
      lines.push(`Feltet «${name}» hedder nu «${textAfter(label) ?? field.label}».`);
    const help = `${field.key}.description`;
    if (textBefore(help) !== textAfter(help)) {
      lines.push(
        textAfter(help)
          ? `Hjælpeteksten til «${textAfter(label) ?? name}» bliver: «${textAfter(help)}».`
          : `Hjælpeteksten til «${textAfter(label) ?? name}» fjernes.`,
      );
    }
    for (const option of field.options) {
      const key = `${field.key}.${option}`;
      if (textBefore(key) !== textAfter(key))
        lines.push(
          `Svarmuligheden «${textBefore(key) ?? option}» i «${textAfter(label) ?? name}» hedder nu «${textAfter(key) ?? option}».`,
        );
    }
  }

  const oldOwn = ownFields(before, ctx.tenantId);
  const newOwn = ownFields(draft, ctx.tenantId);
  for (const f of newOwn) {
    const old = oldOwn.find((o) => o.name === f.name);
    if (!old) lines.push(`Nyt felt: «${f.label}»${f.required ? ', som skal udfyldes' : ''}.`);
    else {
      if (old.label !== f.label) lines.push(`Feltet «${old.label}» hedder nu «${f.label}».`);
      if (old.required !== f.required)
        lines.push(
          f.required ? `Feltet «${f.label}» skal nu udfyldes.` : `Feltet «${f.label}» skal ikke længere udfyldes.`,
        );
    }
  }
  for (const f of oldOwn) if (!newOwn.some((n) => n.name === f.name)) lines.push(`Feltet «${f.label}» fjernes.`);

  const others = new Set([...Object.keys(before), ...Object.keys(draft)].filter((k) => !DESCRIBED.has(k)));
  const fieldSchemasChanged =
    !sameJson(
      (before.fields as { properties?: unknown } | undefined)?.properties,
      (draft.fields as { properties?: unknown } | undefined)?.properties,
    ) &&
    oldOwn.length === newOwn.length &&
    newOwn.every((f) => oldOwn.some((o) => o.name === f.name));
  const englishChanged = !sameJson(texts(before, 'en'), texts(draft, 'en')) && lines.length === 0;
  if ([...others].some((k) => !sameJson(before[k], draft[k])) || fieldSchemasChanged || englishChanged)
    lines.push('Andre indstillinger ændres (se den avancerede visning).');
  return lines;
}
