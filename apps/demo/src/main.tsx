import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { completeSignIn } from './auth.js';
import './demo.css';

// Back from the provider's login (?code=…): exchange the code before any API call, then render.
void completeSignIn()
  .catch((e: unknown) => console.error('sign-in failed', e))
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
