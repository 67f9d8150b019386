import { fieldId } from '@skema/react';
import type { Page } from 'playwright-core';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
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
 * Fills a form through its controls as a person would: types text, dates and CPR numbers, picks
 * choices, answers yes/no questions, adds array items with their "Tilføj" button and opens
 * approval blocks, in the data's own order (so a choice that shows a section comes first).
 * `skip` leaves fields empty (to provoke a rule).
 */
export async function fillThroughUi(page: Page, rootSchema: Schema, data: Record<string, unknown>, skip: string[] = []): Promise<void> {
  const visit = async (pointer: string, schema: Schema, value: unknown): Promise<void> => {
    if (skip.includes(pointer)) return;
    const s = resolve(rootSchema, schema);
    const id = fieldId(pointer);
    if (Array.isArray(value)) {
      const items = resolve(rootSchema, s.items);
      if (items.enum) {
        for (const v of value) {
          const index = items.enum.indexOf(v);
          await page.locator(`#${index === 0 ? id : `${id}--${index}`}`).check();
        }
        return;
      }
      for (let i = 0; i < value.length; i++) {
        await page.locator(`#${id}`).getByRole('button', { name: /^Tilføj/ }).last().click();
        await visit(`${pointer}/${i}`, items, value[i]);
      }
      return;
    }
    if (value !== null && typeof value === 'object') {
      await openApproval(page, pointer);
      for (const [key, v] of Object.entries(value)) await visit(`${pointer}/${key}`, s.properties?.[key] ?? {}, v);
      return;
    }
    const control = page.locator(`#${id}`);
    if (typeof value === 'boolean') {
      await page.locator(`#${value ? id : `${id}--1`}`).check();
    } else if (s.enum) {
      await control.selectOption(String(s.enum.indexOf(value)));
    } else {
      await control.fill(String(value));
      await control.blur();
    }
  };
  for (const [key, value] of Object.entries(data)) await visit(`/${key}`, rootSchema.properties?.[key] ?? {}, value);
}

/** An approval block (who co-signed, when) shows its fields behind a disclosure while editable. */
async function openApproval(page: Page, pointer: string): Promise<void> {
  const summary = page.locator(`section.skema-approval[data-pointer="${pointer}"] details:not([open]) > summary`);
  if (await summary.count()) await summary.click();
}
