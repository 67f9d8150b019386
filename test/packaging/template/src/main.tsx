// A portal page as the @skema/react README shows it, built against the installed tarballs only.
import { StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import { SkemaForm, type SkemaFormChange } from '@skema/react';
import approvals from '@skema/renderer-approvals';
import cpr from '@skema/renderer-cpr';
import date from '@skema/renderer-date';
import dkk from '@skema/renderer-dkk';
import raadgivningslog from '@skema/renderer-raadgivningslog';
import trivsel from '@skema/renderer-trivsel';

declare global {
  interface Window {
    /** The last `onChange` of the form, read by the test. */
    skemaChange?: SkemaFormChange;
    skemaDraftId?: string;
  }
}

const renderers = [...cpr, ...date, ...dkk, ...trivsel, ...raadgivningslog, ...approvals];

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <p id="react-version">{version}</p>
    <SkemaForm
      formId="underretning"
      version="1.0.0"
      apiUrl=""
      token="skema-dev-key"
      locale="da"
      renderers={renderers}
      onChange={(change) => {
        window.skemaChange = change;
      }}
      onDraftSaved={({ submission }) => {
        window.skemaDraftId = submission.id;
      }}
    />
  </StrictMode>,
);
