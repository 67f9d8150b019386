// @vitest-environment jsdom
// The react-on-preact project really runs on Preact: every React entry point the form's code uses
// is preact/compat, so a passing suite there says something about the bundle.
import { JsonForms, withJsonFormsControlProps } from '@jsonforms/react';
import { createElement as preactCreateElement, options } from 'preact';
import { createElement, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { jsx } from 'react/jsx-runtime';
import { describe, expect, it } from 'vitest';

describe('React entry points in the react-on-preact project', () => {
  it('are preact/compat', () => {
    expect(createElement).toBe(preactCreateElement);
    expect(typeof useSyncExternalStore).toBe('function');
    expect(typeof flushSync).toBe('function');
    // compat's vnode hook marks elements as React elements; plain Preact has none.
    expect(typeof options.vnode).toBe('function');
    expect((jsx('div', {}) as unknown as { $$typeof: symbol }).$$typeof).toBe(Symbol.for('react.element'));
    expect(createRoot.toString()).not.toMatch(/ReactDOM|createContainer/);
  });

  it('reach JSON Forms too: its bindings render with the hooks of Preact', () => {
    const Name = withJsonFormsControlProps((props) => <output id="name">{String(props.data)}</output>);
    const container = document.createElement('div');
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        <JsonForms
          schema={{ type: 'object', properties: { name: { type: 'string' } } }}
          uischema={{ type: 'Control', scope: '#/properties/name' }}
          data={{ name: 'Emil' }}
          renderers={[{ tester: () => 1, renderer: Name }]}
        />,
      ),
    );
    expect(container.querySelector('#name')?.textContent).toBe('Emil');
    root.unmount();
  });
});
