// The complaint form's script, served by the app (the pages' CSP allows scripts from this origin only, none inline).
const form = document.getElementById('case-form');
const result = document.getElementById('result');
const text = s => { const d = document.createElement('div'); d.textContent = s; return d.innerHTML; };
form.addEventListener('submit', async e => {
  e.preventDefault();
  const data = new FormData(form);
  data.delete('evidence');
  for (const f of document.getElementById('evidence').files) data.append('evidence', f, f.name);
  data.append('language', /[\u4e00-\u9fff]/.test(data.get('subject') + data.get('description')) ? 'zh-CN' : 'en');
  result.textContent = '…';
  const res = await fetch('/api/complaints', { method: 'POST', body: data, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  const body = await res.json().catch(() => ({}));
  if (res.status === 202) {
    result.innerHTML = `<p class="ok">已受理 Received. 编号 Tracking number: <strong id="tracking-number">${text(body.trackingNumber)}</strong><br>
      <a id="status-link" href="${text(body.statusUrl)}">查看进度 Follow its progress</a></p>`;
    form.reset();
  } else {
    const errors = body.errors ? Object.entries(body.errors).map(([k, v]) => `<li>${text(k)}: ${text(v.join(' '))}</li>`).join('') : '';
    result.innerHTML = `<div class="error"><p>${text(body.title || 'Error')} ${text(body.detail || '')}</p><ul>${errors}</ul></div>`;
  }
});
