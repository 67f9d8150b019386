import { Router } from 'express';
import { describeJudgedDate } from '@skema/core';
import { API_BASE, type AppContext } from '../context.js';

/** The rule catalogue: every rule and deadline of every registered plugin. */
export function rulesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get(`${API_BASE}/rules`, (_req, res) => {
    const items = ctx.engine.catalogue().map(({ plugin, rule, kind }) => ({
      id: rule.id,
      kind,
      ...('severity' in rule ? { severity: rule.severity, message: rule.message } : {}),
      forms: [...rule.appliesTo],
      source: rule.source,
      description: rule.description,
      options: Object.fromEntries(
        Object.entries(rule.options ?? {}).map(([name, spec]) => [
          name,
          { description: spec.description, default: spec.default, ...(spec.schema ? { schema: spec.schema } : {}) },
        ]),
      ),
      plugin: { name: plugin.name, version: plugin.version },
      ...(rule.judgedDate
        ? { judgedDate: { ...rule.judgedDate, description: describeJudgedDate(rule.judgedDate) } }
        : {}),
    }));
    res.set('Cache-Control', 'no-cache').json({ items });
  });
  return router;
}
