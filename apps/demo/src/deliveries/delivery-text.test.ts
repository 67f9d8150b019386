import { describe, expect, it } from 'vitest';
import { eventText, lastAnswer } from './delivery-text.js';

describe('delivery texts', () => {
  it('names events in Danish and keeps an unknown one as it is', () => {
    expect(eventText('submission.document-ready')).toBe('Dokument klar (PDF)');
    expect(eventText('submission.new-kind')).toBe('submission.new-kind');
  });

  it('says the receiver’s last answer: its status, or why none came', () => {
    expect(lastAnswer({ attempts: 3, lastStatusCode: 500 })).toBe('Modtageren svarede 500');
    expect(lastAnswer({ attempts: 2, lastError: 'timeout' })).toBe('Intet svar: timeout');
    expect(lastAnswer({ attempts: 0 })).toBe('Ikke forsøgt endnu');
  });
});
