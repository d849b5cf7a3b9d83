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

// Errors arrive in the page's language, a file's error naming its file ("evidence[1]"); they go next to their field.
function showErrors(errors) {
  let first = null;
  const others = [];
  for (const [field, list] of Object.entries(errors)) {
    const name = /^evidence\[\d+\]$/.test(field) ? 'evidence' : field;
    const container = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (!container) { others.push(list.join(' ')); continue; }
    for (const message of list) {
      if (container.classList.contains('lines')) {
        const line = document.createElement('span');
        line.textContent = message;
        container.append(line);
      } else {
        container.textContent = (container.textContent ? container.textContent + ' ' : '') + message;
      }
    }
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

// The count and the sizes, checked before uploading with the server's limits and words (data-* of the file input);
// the server checks them again, and the types.
function fileErrors() {
  const input = document.getElementById('evidence');
  const files = Array.from(input.files);
  const d = input.dataset;
  const errors = {};
  const batch = [];
  if (files.length > +d.maxFiles) batch.push(d.tooMany.replace('{count}', () => String(files.length)));
  if (files.reduce((sum, f) => sum + f.size, 0) > +d.maxTotalBytes) batch.push(d.totalTooLarge);
  if (batch.length) errors.evidence = batch;
  files.forEach((f, i) => {
    if (f.size === 0) errors[`evidence[${i}]`] = [d.empty.replace('{file}', () => f.name)];
    else if (f.size > +d.maxFileBytes) errors[`evidence[${i}]`] = [d.tooLarge.replace('{file}', () => f.name)];
  });
  return Object.keys(errors).length ? errors : null;
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
  const refused = fileErrors();
  if (refused) { showErrors(refused); return; }
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
    if ((xhr.status === 400 || xhr.status === 413) && body.errors) showErrors(body.errors);
    else showSummary(messages.dataset.busy);
  });
  xhr.addEventListener('error', () => { done(); showSummary(messages.dataset.networkError); });
  xhr.send(new FormData(form));
});
