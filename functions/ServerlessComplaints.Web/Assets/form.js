// The complaint form's enhancement, served by the app (the pages' CSP allows scripts from this origin only, none
// inline). Without it the form posts multipart to "/" and the server answers with the errors or the confirmation.
// With it: the same post by XHR (upload progress), Submit disabled while sending, the errors (already in the page's
// language) placed next to their fields with the focus on the first, nothing cleared; the one Idempotency-Key of
// this page load goes with every attempt, so a double click or a resend is one case.
const form = document.getElementById('case-form');
const submit = document.getElementById('submit');
const progress = document.getElementById('upload-progress');
const summary = document.getElementById('form-errors');
const messages = document.getElementById('form-messages');
const key = document.getElementById('idempotency-key').value;
const submitText = submit.textContent;

const containers = () => Array.from(form.querySelectorAll('[data-error-for]'));

function clearErrors() {
  summary.hidden = true;
  summary.textContent = '';
  for (const c of containers()) {
    c.hidden = true;
    c.textContent = '';
  }
  for (const f of form.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
}

function showSummary(text) {
  summary.textContent = text;
  summary.hidden = false;
  summary.focus();
}

function showErrors(errors) {
  const files = Array.from(document.getElementById('evidence').files);
  let first = null;
  const others = [];
  for (const [field, list] of Object.entries(errors)) {
    const index = /^evidence\[(\d+)\]$/.exec(field);
    const name = index ? 'evidence' : field;
    const container = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    const text = list.map(m => (index && files[+index[1]] ? `${files[+index[1]].name}: ${m}` : m)).join(' ');
    if (!container) { others.push(text); continue; }
    container.textContent = (container.textContent ? container.textContent + ' ' : '') + text;
    container.hidden = false;
    const control = document.getElementById(container.id.replace(/-error$/, ''));
    if (control) control.setAttribute('aria-invalid', 'true');
    if (!first || containers().indexOf(container) < containers().indexOf(first)) first = container;
  }
  summary.textContent = [summary.dataset.fix || '', ...others].join(' ').trim();
  summary.hidden = summary.textContent === '';
  const control = first && document.getElementById(first.id.replace(/-error$/, ''));
  (control || summary).focus();
}

function done() {
  submit.disabled = false;
  submit.textContent = submitText;
  progress.hidden = true;
}

form.addEventListener('submit', e => {
  e.preventDefault();
  if (submit.disabled) return;
  clearErrors();
  submit.disabled = true;
  submit.textContent = submit.dataset.sending;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', form.getAttribute('action'));
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.setRequestHeader('Idempotency-Key', key);
  xhr.upload.addEventListener('progress', p => {
    if (!p.lengthComputable) return;
    progress.hidden = false;
    progress.value = Math.round((p.loaded / p.total) * 100);
  });
  xhr.addEventListener('load', () => {
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch { /* not JSON: a generic message below */ }
    if (xhr.status === 200 && body.confirmationUrl) {
      window.location.assign(body.confirmationUrl);
      return;
    }
    done();
    if (xhr.status === 400 && body.errors) showErrors(body.errors);
    else showSummary(messages.dataset.busy);
  });
  xhr.addEventListener('error', () => { done(); showSummary(messages.dataset.networkError); });
  xhr.send(new FormData(form));
});
