import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DiffSummary } from './DiffSummary.js';

describe('DiffSummary', () => {
  it('describes each change in Danish, whatever language the API answered `message` in', () => {
    const change = {
      path: '#/properties/dialog/properties/hvemKanGoereHvad',
      kind: 'property-added' as const,
      level: 'minor' as const,
      message: 'new optional property "hvemKanGoereHvad"',
      messages: { da: 'nyt valgfrit felt "hvemKanGoereHvad"', en: 'new optional property "hvemKanGoereHvad"' },
    };
    const html = renderToStaticMarkup(
      <DiffSummary diff={{ from: '1.0.0', to: '2.0.0', requiredBump: 'minor', changes: [change] }} headingLevel={3} />,
    );
    expect(html).toContain('nyt valgfrit felt &quot;hvemKanGoereHvad&quot;');
    expect(html).not.toContain('new optional property');
    expect(html).toContain('Ændringer (1.0.0 → 2.0.0)');
  });
});
