import { SKEMA_CSS } from '@skema/react';
import { useState } from 'react';
import { AdminPage } from './admin/AdminPage.js';
import { apiKey, setApiKey } from './api.js';
import { Catalogue } from './Catalogue.js';
import { CaseForm } from './cases/CaseForm.js';
import { CasePage } from './cases/CasePage.js';
import { NewCase } from './cases/NewCase.js';
import { Deliveries } from './deliveries/Deliveries.js';
import { SignIn } from './SignIn.js';
import { accessToken } from './auth.js';
import { FillForm } from './FillForm.js';
import { SubmissionPage } from './SubmissionPage.js';
import { Submissions } from './Submissions.js';
import { Worklist } from './Worklist.js';
import { useRoute } from './router.js';

function KeySetting() {
  const [key, setKey] = useState(apiKey());
  return (
    <form
      className="key"
      onSubmit={(e) => {
        e.preventDefault();
        setApiKey(key);
        window.location.reload();
      }}
    >
      <label htmlFor="api-key">API-nøgle</label>
      <input id="api-key" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" />
      <button type="submit">Skift</button>
    </form>
  );
}

export function App() {
  const route = useRoute();
  let page;
  switch (route.page) {
    case 'fill':
      page = (
        <FillForm
          formId={route.formId}
          version={route.version}
          {...(route.submissionId ? { submissionId: route.submissionId } : {})}
        />
      );
      break;
    case 'submissions':
      page = (
        <Submissions
          {...(route.formId ? { formId: route.formId } : {})}
          {...(route.status ? { status: route.status } : {})}
        />
      );
      break;
    case 'submission':
      page = <SubmissionPage id={route.id} />;
      break;
    case 'admin':
      page = <AdminPage {...(route.formId ? { formId: route.formId } : {})} />;
      break;
    case 'worklist':
      page = <Worklist />;
      break;
    case 'newCase':
      page = <NewCase {...(route.from ? { from: route.from } : {})} />;
      break;
    case 'case':
      page = <CasePage id={route.id} />;
      break;
    case 'caseForm':
      page = (
        <CaseForm
          caseId={route.id}
          formId={route.formId}
          {...(route.submissionId ? { submissionId: route.submissionId } : {})}
        />
      );
      break;
    case 'deliveries':
      page = <Deliveries />;
      break;
    default:
      page = <Catalogue />;
  }
  return (
    <>
      <style>{SKEMA_CSS}</style>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the router's; move focus instead of navigating.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Gå til indhold
      </a>
      <header className="site-header">
        <p className="brand">Skema</p>
        <nav aria-label="Hovedmenu">
          <a href="#/">Formularer</a>
          <a href="#/submissions">Indsendelser</a>
          <a href="#/frister">Mine frister</a>
          <a href="#/admin">Formularkonfiguration</a>
          <a href="#/leveringer">Leveringer</a>
          <a href="/plain.html">Eksisterende portal (web-komponent)</a>
        </nav>
        <SignIn />
        {/* Signed in, the person's token is used; the key field is for development without sign-in. */}
        {accessToken() ? null : <KeySetting />}
      </header>
      <main id="main" tabIndex={-1} className="skema-form">
        {page}
      </main>
    </>
  );
}
