#!/usr/bin/env node
// Writes the table of the date each rule judges (issue #13) into the plugin READMEs, from the
// rules' `judgedDate` (build @skema/forms first). packages/forms/src/judged-date.test.ts checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStandardEngine, judgedDateTable, JUDGED_DATES_END, JUDGED_DATES_START } from '@skema/forms';

const engine = createStandardEngine();
const HEADING = `## The date each rule judges

Ages, deadlines and "by now" questions are judged on a declared date (\`judgedDate\` on the rule,
shown by \`skema rules\` and \`GET /rules\`): **the reference date** is the date the platform
received the submission, stamped on its first submission and kept by every later update and
status change (today for a draft never submitted); **a field** is a date the data records (\`*\`:
every item); **today** is the date of the validation, used on purpose for whether something has
happened by now (a meeting held, a date not in the future). Rules not listed read neither the
clock nor the reference date (some compare dates within the data, e.g. an end after a start).

`;

for (const dir of ['viso', 'trivsel', 'ringsted', 'familieraadslagning']) {
  const file = fileURLToPath(new URL(`../plugins/${dir}/README.md`, import.meta.url));
  const readme = readFileSync(file, 'utf8');
  const table = judgedDateTable(engine, `@skema/plugin-${dir}`);
  const start = readme.indexOf(JUDGED_DATES_START);
  const end = readme.indexOf(JUDGED_DATES_END);
  const next =
    start >= 0 && end > start
      ? readme.slice(0, start) + table + readme.slice(end + JUDGED_DATES_END.length)
      : `${readme.trimEnd()}\n\n${HEADING}${table}\n`;
  writeFileSync(file, next);
  console.log(`${dir}: ${table.split('\n').length - 4} rule(s)`);
}
