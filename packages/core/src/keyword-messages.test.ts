import { describe, expect, it } from 'vitest';
import { createAjv } from './ajv.js';
import { keywordMessage } from './keyword-messages.js';

/** The Danish message for the first Ajv error `schema` gives `data`. */
function danish(schema: Record<string, unknown>, data: unknown): string {
  const validate = createAjv().compile(schema);
  expect(validate(data)).toBe(false);
  return keywordMessage(validate.errors![0]!, {}).da;
}

describe('Danish keyword messages', () => {
  it('write numbers with a decimal comma (0,01), as Danish does', () => {
    expect(danish({ type: 'number', multipleOf: 0.01 }, 0.001)).toBe('skal være et multiplum af 0,01');
    expect(danish({ type: 'number', minimum: 0.5 }, 0)).toBe('skal være mindst 0,5');
    expect(danish({ type: 'number', exclusiveMaximum: 1.5 }, 2)).toBe('skal være mindre end 1,5');
    expect(danish({ type: 'integer', maximum: 3 }, 4)).toBe('må højst være 3');
  });

  it('quote field and format names with «…», the one quotation style of the Danish texts', () => {
    expect(danish({ type: 'object', additionalProperties: false }, { ekstra: 1 })).toBe(
      'indeholder feltet «ekstra», som ikke hører til skemaet',
    );
    expect(danish({ type: 'object', dependentRequired: { a: ['b'] } }, { a: 1 })).toBe(
      'skal udfyldes, når «a» er udfyldt',
    );
    expect(danish({ type: 'string', format: 'hostname' }, '-')).toBe('skal have formatet «hostname»');
  });
});
