// @testing-library/react's API for @skema/react's and the renderers' own tests, run under
// preact/compat by vitest.config.ts: @testing-library/preact, with its fireEvent made to do what a
// browser does (and @testing-library/react relies on): a text field's change reaches onChange as an
// input event while a select's or checkbox's stays a change event, blur and focus come with
// focusout and focusin (React's onBlur and onFocus bubble), and each event is fired inside act(),
// so what it renders is there when it returns.
import { act, createEvent, fireEvent as preactFireEvent } from '@testing-library/preact';

export * from '@testing-library/preact';

type Target = Element | Document | Window;
type Init = Record<string, unknown>;
type EventName = keyof typeof createEvent;

const typed = (el: Target) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !/^(checkbox|radio|file)$/.test(el.type));

function inAct(fire: () => boolean): boolean {
  let result = false;
  // With a synchronous callback act() has flushed when it returns; its promise is for async ones.
  void act(() => {
    result = fire();
  });
  return result;
}

const dispatch = (names: EventName[], el: Target, init?: Init) =>
  names.every((name) => el.dispatchEvent(createEvent[name](el, init)));
const namesFor = (name: EventName, el: Target): EventName[] => {
  if (name === 'change') return typed(el) ? ['input'] : ['change'];
  if (name === 'blur') return ['blur', 'focusOut'];
  if (name === 'focus') return ['focus', 'focusIn'];
  return [name];
};

const fire = Object.assign((el: Target, event: Event) => inAct(() => el.dispatchEvent(event)), preactFireEvent);
for (const name of Object.keys(createEvent) as EventName[]) {
  (fire as unknown as Record<string, (el: Target, init?: Init) => boolean>)[name] = (el, init) =>
    inAct(() => dispatch(namesFor(name, el), el, init));
}
export const fireEvent = fire;
