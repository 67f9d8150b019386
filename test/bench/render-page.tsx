// The bench page (bundled by render.ts with esbuild): mounts the rådgivningslog with SkemaForm and
// with plain JSON Forms + vanilla renderers, and times mounting and keystrokes inside the browser.
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import type { FormVersion } from '@skema/core';
import { createTranslate, SkemaForm } from '@skema/react';
import approvals from '@skema/renderer-approvals';
import cpr from '@skema/renderer-cpr';
import date from '@skema/renderer-date';
import dkk from '@skema/renderer-dkk';
import raadgivningslog from '@skema/renderer-raadgivningslog';
import trivsel from '@skema/renderer-trivsel';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';

type Variant = 'skema' | 'plain';
const renderers = [...cpr, ...date, ...dkk, ...trivsel, ...raadgivningslog, ...approvals];
const { form, data } = (window as unknown as { BENCH: { form: FormVersion; data: unknown } }).BENCH;
const i18n = { locale: 'da', translate: createTranslate(form.i18n, 'da') };
const container = document.getElementById('root')!;
let root: Root | undefined;

function element(variant: Variant) {
  return variant === 'skema' ? (
    <SkemaForm form={form} data={data} renderers={renderers} today="2026-06-01" validationDelay={150} />
  ) : (
    <JsonForms
      schema={form.schema}
      uischema={form.uischema as never}
      data={data}
      renderers={vanillaRenderers}
      cells={vanillaCells}
      i18n={i18n}
      validationMode="NoValidation"
      onChange={() => undefined}
    />
  );
}

const macrotask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Milliseconds from render call to a committed, laid-out DOM with every control in place. */
async function mount(variant: Variant): Promise<number> {
  root?.unmount();
  container.replaceChildren();
  await macrotask();
  root = createRoot(container);
  const start = performance.now();
  flushSync(() => root!.render(element(variant)));
  void document.body.offsetHeight; // style and layout included
  const ms = performance.now() - start;
  return ms;
}

function textField(variant: Variant | 'floor'): HTMLInputElement | HTMLTextAreaElement {
  if (variant === 'floor') {
    // The browser's own cost: a native input outside React, same event, same layout, same task hop.
    let native = document.getElementById('floor') as HTMLInputElement | null;
    if (!native) {
      native = Object.assign(document.createElement('input'), { id: 'floor' });
      container.prepend(native);
    }
    return native;
  }
  const selector =
    variant === 'skema' ? '#skema-field__fakta__raadgivningsforloebVedr' : '[class*="raadgivningsforloebVedr"] input';
  const field = container.querySelector<HTMLInputElement>(selector);
  if (!field) throw new Error(`no text field for ${variant}`);
  return field;
}

/** Sets the value through the prototype's setter, past React's tracker on the element, so the input event is a change. */
const setValue = (field: HTMLInputElement, value: string) =>
  Reflect.set(HTMLInputElement.prototype, 'value', value, field);

/** Milliseconds from dispatching `event` to its update committed (sync React work and effects) and laid out. */
async function timed(field: HTMLElement, event: Event): Promise<number> {
  const start = performance.now();
  field.dispatchEvent(event);
  await Promise.resolve();
  void document.body.offsetHeight;
  return performance.now() - start;
}

/** Types `keys` characters into the variant's text field, `measure` timing each; typing pace: no two within one frame. */
async function typing(
  variant: Variant | 'floor',
  keys: number,
  measure: (field: HTMLInputElement) => Promise<number>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < keys; i++) {
    const field = textField(variant) as HTMLInputElement;
    field.focus();
    setValue(field, `${field.value}${'abcdefghij'[i % 10]}`);
    times.push(await measure(field));
    await macrotask();
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

/**
 * Per keystroke: from the input event to the update committed (React handles input events
 * synchronously, effects included) and the page laid out. Tasks queued by other work are not counted.
 */
function type(variant: Variant | 'floor', keys: number): Promise<number[]> {
  return typing(variant, keys, (field) => timed(field, new Event('input', { bubbles: true })));
}

/**
 * SkemaForm's deferred part of a keystroke: the input keeps the text and the form's data follows on
 * a pause or blur. Per keystroke here: type one character, then leave the field, and time the blur
 * from the event to the whole form's update committed and laid out. Plain JSON Forms does this
 * work inside every keystroke, so its keystroke figure is the one to compare with.
 */
function commit(keys: number): Promise<number[]> {
  return typing('skema', keys, async (field) => {
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await macrotask();
    return timed(field, new FocusEvent('focusout', { bubbles: true }));
  });
}

function count(): number {
  return container.querySelectorAll('input, textarea, select').length;
}

(window as unknown as { bench: unknown }).bench = { mount, type, commit, count };
