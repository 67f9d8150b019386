import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { API_BASE, type AppContext } from '../context.js';
import { buildOpenApiDocument } from '../openapi/openapi-document.js';
import { requestExamples } from '../openapi/form-examples.js';

/** Swagger UI's files ship in swagger-ui-dist; they are served from here, never from a CDN. */
function swaggerUiDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '${API_BASE}/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};
`;

export function openApiRouter(ctx: AppContext): Router {
  const router = Router();
  // Examples of real form data from the registry's forms (the built-in ones: tenants' own forms stay private).
  const document = buildOpenApiDocument(requestExamples(ctx.registry));
  const body = JSON.stringify(document);
  router.get(`${API_BASE}/openapi.json`, (_req, res) => {
    res.type('application/json').set('Cache-Control', 'no-cache').send(body);
  });
  router.get('/docs', (req, res, next) => {
    // Relative asset URLs in Swagger UI's index.html need the trailing slash.
    if (!req.originalUrl.endsWith('/')) return res.redirect(301, '/docs/');
    next();
  });
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(INITIALIZER);
  });
  router.use('/docs', express.static(swaggerUiDir(), { index: 'index.html' }));
  return router;
}
