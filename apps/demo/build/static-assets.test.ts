import { describe, expect, it } from 'vitest';
import { addIntegrity, integrityOf } from './static-assets.js';

describe('demo assets', () => {
  it('adds the SRI hash and crossorigin to the built script and stylesheet tags, and leaves others alone', () => {
    const files = new Map([
      ['assets/index-abc12345.js', 'console.log(1)'],
      ['assets/index-def67890.css', 'body{}'],
    ]);
    const html = addIntegrity(
      '<script type="module" crossorigin src="/assets/index-abc12345.js"></script>\n<link rel="stylesheet" href="/assets/index-def67890.css">\n<script src="/other.js"></script>',
      files,
    );
    expect(html).toContain(
      `<script type="module" crossorigin src="/assets/index-abc12345.js" integrity="${integrityOf('console.log(1)')}">`,
    );
    expect(html).toContain(
      `<link rel="stylesheet" href="/assets/index-def67890.css" integrity="${integrityOf('body{}')}" crossorigin>`,
    );
    expect(html).toContain('<script src="/other.js"></script>');
    expect(integrityOf('console.log(1)')).toMatch(/^sha384-[A-Za-z0-9+/]+=*$/);
  });
});
