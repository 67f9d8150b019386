import type { Locale } from '@skema/core';
import { SkemaForm, type SkemaFormChange, type SkemaFormError, type SubmissionWriteResult } from '@skema/react';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { standardRenderers } from './all-renderers.js';

const ATTRIBUTES = [
  'form',
  'version',
  'api',
  'token',
  'locale',
  'submission',
  'today',
  'id-prefix',
  'readonly',
  'inherit-font',
  'no-heading',
] as const;

/** Host-level defaults; everything inside the shadow root is styled through `--skema-*` properties. */
// `inherit-font`: the page's font (family, size, line height) instead of the form's own; the host's
// inherited font properties reach into the shadow root, the form's stylesheet would override them.
const HOST_CSS =
  ':host{display:block}:host([hidden]){display:none}:host([inherit-font]) .skema-form{font-family:inherit;font-size:inherit;line-height:inherit}';

/**
 * `<skema-form form="underretning" version="1.0.0" api="https://…" token="…" locale="da">`:
 * a Skema form in any page, React included, rendered in a shadow root so the host page's CSS
 * cannot break it (custom properties still pass through). Events bubble out of the shadow root:
 * `skema-submitted`, `skema-change`, `skema-error`, `skema-draft-saved` (CustomEvent, details below).
 */
export class SkemaFormElement extends HTMLElement {
  static observedAttributes = [...ATTRIBUTES];
  private root: Root | undefined;

  connectedCallback(): void {
    if (!this.root) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = HOST_CSS;
      const container = document.createElement('div');
      shadow.append(style, container);
      this.root = createRoot(container);
    }
    this.render();
  }

  disconnectedCallback(): void {
    // Unmount after the current task: a node moved within the page reconnects at once.
    queueMicrotask(() => {
      if (!this.isConnected && this.root) {
        this.root.unmount();
        this.root = undefined;
        this.shadowRoot?.replaceChildren();
      }
    });
  }

  attributeChangedCallback(): void {
    if (this.root) this.render();
  }

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private render(): void {
    const attr = (name: (typeof ATTRIBUTES)[number]) => this.getAttribute(name) ?? undefined;
    const locale: Locale = attr('locale') === 'en' ? 'en' : 'da';
    const formId = attr('form');
    const submissionId = attr('submission');
    const token = attr('token');
    const today = attr('today');
    this.root?.render(
      <StrictMode>
        <SkemaForm
          key={`${formId}@${attr('version') ?? 'latest'}#${submissionId ?? ''}`}
          {...(formId ? { formId } : {})}
          version={attr('version') ?? 'latest'}
          apiUrl={attr('api') ?? ''}
          {...(token ? { token } : {})}
          {...(submissionId ? { submissionId } : {})}
          {...(today ? { today } : {})}
          idPrefix={attr('id-prefix') ?? 'skema'}
          readonly={this.hasAttribute('readonly')}
          // The page usually has its own heading for the form; the form is then named by its title (aria-label).
          showTitle={!this.hasAttribute('no-heading')}
          locale={locale}
          renderers={standardRenderers}
          onSubmitted={(result: SubmissionWriteResult) => this.emit('skema-submitted', result)}
          onDraftSaved={(result: SubmissionWriteResult) => this.emit('skema-draft-saved', result)}
          onChange={(change: SkemaFormChange) => this.emit('skema-change', change)}
          onError={(error: SkemaFormError) => this.emit('skema-error', error)}
        />
      </StrictMode>,
    );
  }
}

/** Registers `<skema-form>` (once; a second bundle on the same page is harmless). */
export function defineSkemaForm(name = 'skema-form'): void {
  if (!customElements.get(name)) customElements.define(name, SkemaFormElement);
}
