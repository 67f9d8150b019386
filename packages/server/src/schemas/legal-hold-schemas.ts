/** Body of `PUT /submissions/{id}/legal-hold` (part of `apiSchemas`). */
export const legalHoldSchemas = {
  LegalHoldChange: {
    type: 'object',
    required: ['hold', 'reason'],
    additionalProperties: false,
    properties: {
      hold: { type: 'boolean', description: '`true` sets a legal hold (the retention job keeps the submission), `false` releases it.' },
      reason: {
        type: 'string',
        minLength: 1,
        maxLength: 500,
        pattern: '\\S',
        description: 'Why, kept in the audit log: a case or court reference, never personal data (a CPR-like number is refused).',
      },
    },
  },
} as const;
