import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const local = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  test: {
    // Preact runs effects after the next paint, React before its test act() returns: on Preact
    // onError for a form that cannot load comes a frame after the alert, so that one synchronous
    // check of @skema/react's is left out here (embed-cross-origin.test.ts sees the event arrive).
    testNamePattern: /^(?!.*reports a form it cannot load$)/,
    projects: [
      { test: { name: 'embed', include: ['shims/**/*.test.mjs', 'src/**/*.test.ts'] } },
      {
        // The bundle runs @skema/react and the renderers on preact/compat (build.mjs), so their own
        // tests run here on it too, with the same aliases.
        resolve: {
          alias: [
            { find: /^react$/, replacement: 'preact/compat' },
            { find: /^react-dom$/, replacement: 'preact/compat' },
            { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
            { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/compat/jsx-runtime' },
            // Its CommonJS entry would require React itself; the ES module one goes through the aliases.
            {
              find: /^@jsonforms\/react$/,
              replacement: local('../../node_modules/@jsonforms/react/lib/jsonforms-react.esm.js'),
            },
            { find: /^@testing-library\/react$/, replacement: local('compat/testing-library.ts') },
          ],
        },
        test: {
          name: 'react-on-preact',
          include: ['compat/**/*.test.tsx', '../react/src/**/*.test.tsx', '../../plugins/renderer-*/src/**/*.test.tsx'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
