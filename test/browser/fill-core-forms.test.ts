import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSubmission } from './demo-flow.js';
import { fillThroughUi } from './fill-form.js';
import { repoRoot, useBrowserSession } from './harness.js';

const session = useBrowserSession();

// One rich example of each step-by-step core form (the underretning is in demo.test.ts), typed and
// picked field by field through the demo: every field reachable, every value stored at its own place.
const CASES = [
  ['henvendelsesskema', 'enkeltsag-ung-16-med-samtykke'],
  ['leveranceaftale', 'hoejpris-to-leverandoerer'],
  ['evalueringsskema', 'afsluttende-moede-borger-fravaerende'],
  ['indsatsplan', 'opfoelgning-med-observerede-forskelle'],
] as const;

describe('core forms filled from empty in the demo', () => {
  for (const [formId, example] of CASES) {
    it(`${formId}: ${example} typed in, saved as a draft, stored as exactly that data`, async () => {
      const dir = resolve(repoRoot, `schemas/${formId}/1.0.0`);
      const schema = JSON.parse(readFileSync(resolve(dir, 'schema.json'), 'utf8'));
      const { data } = JSON.parse(readFileSync(resolve(dir, `examples/valid/${example}.json`), 'utf8'));
      const p = session.page;
      await p.goto(`${session.server.url}/#/forms/${formId}/1.0.0`);
      await p.reload();
      await p.locator('.skema-form-body form').waitFor();
      await fillThroughUi(p, schema, data);
      await p.getByRole('button', { name: 'Gem kladde' }).click();
      const link = p.locator('.next-steps a').first();
      await link.waitFor();
      const id = decodeURIComponent((await link.getAttribute('href'))!.replace('#/submissions/', ''));
      const stored = await getSubmission(session.server.url, id);
      expect(stored.status).toBe('draft');
      expect(stored.data).toEqual(data);
    });
  }
});
