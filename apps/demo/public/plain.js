// The portal's own script: listens to the form's events (kept in a file: the API's CSP allows no inline scripts).
const form = document.getElementById('underretning');
const status = document.getElementById('portal-status');
// The portal's backend holds the API key and opens an embed session for this one form (one
// submission, minutes long); the page only ever sees that session's token.
fetch('/portal/embed-session', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ formId: form.getAttribute('form'), version: form.getAttribute('version') }),
})
  .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`embed session: HTTP ${res.status}`))))
  .then((session) => form.setAttribute('token', session.token))
  .catch((error) => {
    status.textContent = 'Formularen kan ikke indsendes lige nu. Prøv igen senere.';
    status.dataset.lastError = String(error);
  });
form.addEventListener('skema-submitted', (event) => {
  status.textContent = `Tak. Din underretning er modtaget (kvitteringsnummer ${event.detail.submission.id}).`;
  status.dataset.submissionId = event.detail.submission.id;
});
form.addEventListener('skema-error', (event) => {
  status.dataset.lastError = event.detail.kind;
});
