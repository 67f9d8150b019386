import { fieldId, parentPointer } from './pointer.js';

const FOCUSABLE = ['input', 'select', 'textarea', 'button', 'fieldset', '[tabindex]'];

function isShown(element: Element): boolean {
  return element.closest('[hidden]') === null;
}

function byId(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[id="${id}"]`);
}

/**
 * The element to focus for a pointer: the field's own input, else the first field inside it (an
 * object without a control of its own), else the nearest enclosing field. Hidden fields are skipped.
 */
export function findFieldElement(root: ParentNode, pointer: string, prefix: string): HTMLElement | null {
  const id = fieldId(pointer, prefix);
  const exact = byId(root, id);
  if (exact && isShown(exact)) return exact;
  const selector = FOCUSABLE.map((tag) => `${tag}[id^="${id}__"]`).join(',');
  for (const candidate of root.querySelectorAll<HTMLElement>(selector)) if (isShown(candidate)) return candidate;
  for (let p = parentPointer(pointer); p !== undefined; p = parentPointer(p)) {
    const ancestor = byId(root, fieldId(p, prefix));
    if (ancestor && isShown(ancestor)) return ancestor;
  }
  return null;
}

/** The pointer of the field an element belongs to (its frame's `data-pointer`). */
export function pointerOfElement(element: Element): string | undefined {
  return element.closest('[data-pointer]')?.getAttribute('data-pointer') ?? undefined;
}

/**
 * Focuses the field, retrying for a few frames: a step switch or a re-render may have to mount it first.
 */
export function focusField(getRoot: () => ParentNode | null, pointer: string, prefix: string, attempts = 10): void {
  const root = getRoot();
  const element = root ? findFieldElement(root, pointer, prefix) : null;
  if (element) {
    element.focus();
    element.scrollIntoView?.({ block: 'center' });
    return;
  }
  if (attempts > 0) requestAnimationFrame(() => focusField(getRoot, pointer, prefix, attempts - 1));
}
