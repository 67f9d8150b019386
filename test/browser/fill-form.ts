import { fieldId } from '@skema/react';
import type { Locator, Page } from 'playwright-core';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  $defs?: Record<string, Schema>;
};

function resolve(root: Schema, schema: Schema | undefined): Schema {
  let s = schema ?? {};
  while (s.$ref?.startsWith('#/$defs/')) s = root.$defs?.[s.$ref.slice('#/$defs/'.length)] ?? {};
  return s;
}

/**
 * Fills a form through its controls as a person would: types text, numbers, dates and CPR numbers,
 * picks choices, answers yes/no questions, adds array items with their "Tilføj" button, opens
 * approval blocks and goes to the step a field is on, in the data's own order (so a choice that
 * shows a section comes first). `skip` leaves fields empty (to provoke a rule).
 */
export async function fillThroughUi(
  page: Page,
  rootSchema: Schema,
  data: Record<string, unknown>,
  skip: string[] = [],
): Promise<void> {
  const body = page.locator('.skema-form-body');
  const visit = async (pointer: string, schema: Schema, value: unknown): Promise<void> => {
    if (skip.includes(pointer)) return;
    const s = resolve(rootSchema, schema);
    const id = fieldId(pointer);
    if (Array.isArray(value)) {
      const items = resolve(rootSchema, s.items);
      if (items.enum) {
        await reveal(page, body, `${id}`, pointer);
        for (const v of value) await page.locator(`#${optionId(id, items.enum.indexOf(v))}`).check();
        return;
      }
      for (let i = 0; i < value.length; i++) {
        // Items the schema's default already gives (e.g. two arbejdsmøder) are there to fill in.
        if (!(await body.locator(`[id^="${id}__${i}"]`).count())) {
          // Lists and tables alike carry their field's pointer; their add button is inside.
          const list = body.locator(`[data-pointer="${pointer}"]`).first();
          if (!(await list.isVisible())) await reveal(page, body, `${id}`, pointer, list);
          await list
            .getByRole('button', { name: /^Tilføj/ })
            .last()
            .click();
        }
        await visit(`${pointer}/${i}`, items, value[i]);
      }
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) await visit(`${pointer}/${key}`, s.properties?.[key] ?? {}, v);
      return;
    }
    await reveal(page, body, id, pointer);
    const control = page.locator(`#${id}`);
    const kind = await control.evaluate((el) =>
      el.tagName === 'INPUT' ? (el as HTMLInputElement).type : el.tagName.toLowerCase(),
    );
    if (kind === 'radio' || kind === 'checkbox') {
      // Yes/no questions and choices are radio groups: the n-th option has the id `<id>--n`.
      const index = typeof value === 'boolean' ? (value ? 0 : 1) : (s.enum ?? []).indexOf(value);
      if (kind === 'checkbox' && typeof value === 'boolean') await (value ? control.check() : control.uncheck());
      else await page.locator(`#${optionId(id, index)}`).check();
    } else if (kind === 'select') {
      await control.selectOption(String((s.enum ?? []).indexOf(value)));
    } else {
      // Amount fields read Danish numbers (1.234,50); number inputs read the plain form.
      const text = typeof value === 'number' && kind === 'text' ? String(value).replace('.', ',') : String(value);
      await control.fill(text);
      await control.blur();
    }
  };
  for (const [key, value] of Object.entries(data)) await visit(`/${key}`, rootSchema.properties?.[key] ?? {}, value);
}

const optionId = (id: string, index: number) => (index === 0 ? id : `${id}--${index}`);

/**
 * Makes the control with this id reachable: opens the approval block around it, or goes through
 * the steps of a step-by-step form until one shows it.
 */
async function reveal(page: Page, body: Locator, id: string, pointer: string, target?: Locator): Promise<void> {
  const control = target ?? page.locator(`#${id}`).first();
  const shown = () =>
    control.waitFor({ state: 'visible', timeout: 400 }).then(
      () => true,
      () => false,
    );
  if ((await control.count()) && (await control.isVisible())) return;
  const parents = pointer
    .split('/')
    .slice(1)
    .map((_, i, all) => `/${all.slice(0, i + 1).join('/')}`);
  const openApprovals = async () => {
    for (const parent of parents) {
      const summary = body.locator(`section.skema-approval[data-pointer="${parent}"] details:not([open]) > summary`);
      if (await summary.count()) await summary.first().click();
    }
  };
  await openApprovals();
  if (await shown()) return;
  const steps = body.locator('.skema-step');
  for (let i = 0; i < (await steps.count()); i++) {
    await steps.nth(i).click();
    await openApprovals();
    if (await shown()) return;
  }
  throw new Error(`no visible control #${id} for ${pointer} on any step`);
}
