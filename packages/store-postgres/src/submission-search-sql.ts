import { searchSegments, type SubmissionSearch } from '@skema/core';
import type { Tables } from './sql.js';

/**
 * Trigram indexes for the list's text search (migration 9): one over the data as text, one over
 * the id. A search then reads only the rows whose data holds the text somewhere (the index's
 * candidates) and checks the exact fields on those, instead of decoding every row of the tenant.
 * `pg_trgm` ships with PostgreSQL; it is created in `public` once per database.
 */
export function submissionSearchMigration(t: Tables): string {
  return `
    DO $$ BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
    EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
    END $$;
    CREATE INDEX submissions_search_data ON ${t.submissions} USING gin (lower(data::text) public.gin_trgm_ops);
    CREATE INDEX submissions_search_id ON ${t.submissions} USING gin (lower(id) public.gin_trgm_ops);
  `;
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A search pointer as a strict SQL/JSON path: `*` is every array element, other segments members. */
export function jsonPathOf(pointer: string): string {
  return `strict $${searchSegments(pointer)
    .map((s) => (s === '*' ? '[*]' : `."${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`))
    .join('')}`;
}

/**
 * The search as one SQL condition, matching as `matchesSearch` does. `add` binds a parameter and
 * returns its placeholder. The field arms sit behind the trigram prefilter on the data's text
 * (the text as JSON writes it), so only candidate rows have their JSON paths evaluated.
 */
export function searchCondition(search: SubmissionSearch, add: (value: unknown) => string): string {
  const pattern = add(`%${likeEscape(search.text)}%`);
  const arms = [`lower(id) LIKE ${pattern}`];
  if (search.formIds.length) arms.push(`form_id = ANY(${add([...search.formIds])}::text[])`);
  if (search.ids.length) arms.push(`id = ANY(${add([...search.ids])}::text[])`);
  const fields: string[] = [];
  for (const [formId, pointers] of Object.entries(search.fields)) {
    for (const pointer of pointers) {
      fields.push(
        `(form_id = ${add(formId)} AND EXISTS (SELECT 1 FROM jsonb_path_query(data, ${add(jsonPathOf(pointer))}::jsonpath, '{}', true) v ` +
          `WHERE jsonb_typeof(v) = 'string' AND lower(v #>> '{}') LIKE ${pattern}))`,
      );
    }
  }
  if (fields.length) {
    const asJson = add(`%${likeEscape(JSON.stringify(search.text).slice(1, -1))}%`);
    arms.push(`(lower(data::text) LIKE ${asJson} AND (${fields.join(' OR ')}))`);
  }
  return `(${arms.join(' OR ')})`;
}
