// The portal's own script: listens to the form's events (kept in a file: the API's CSP allows no inline scripts).
const form = document.getElementById('underretning');
const status = document.getElementById('portal-status');
form.addEventListener('skema-submitted', (event) => {
  status.textContent = `Tak. Din underretning er modtaget (kvitteringsnummer ${event.detail.submission.id}).`;
  status.dataset.submissionId = event.detail.submission.id;
});
form.addEventListener('skema-error', (event) => {
  status.dataset.lastError = event.detail.kind;
});
