import { describe, expect, it } from 'vitest';
import { formatCpr, formatDate, formatDateTime, maskCprLike } from './format.js';

describe('format', () => {
  it('writes dates the Danish way', () => {
    expect(formatDate('2026-12-07', 'da')).toBe('7. december 2026');
    expect(formatDate('2026-01-31', 'en')).toBe('31 January 2026');
    expect(formatDate('not a date', 'da')).toBe('not a date');
  });

  it('writes instants on the Danish clock', () => {
    expect(formatDateTime('2026-06-01T10:15:00Z', 'da')).toBe('1. juni 2026 kl. 12.15');
    expect(formatDateTime('2026-12-07T23:30:00Z', 'da')).toBe('8. december 2026 kl. 00.30');
  });

  it('masks CPR numbers unless the policy shows them', () => {
    expect(formatCpr('010118-9901', false)).toBe('010118-XXXX');
    expect(formatCpr('0101189901', true)).toBe('010118-9901');
    expect(maskCprLike('ring om 0101189901 eller 020218-1234')).toBe('ring om 010118-XXXX eller 020218-XXXX');
  });
});
