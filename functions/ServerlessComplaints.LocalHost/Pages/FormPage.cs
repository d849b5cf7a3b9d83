namespace ServerlessComplaints.LocalHost.Pages;

/// <summary><c>GET /</c>: the complaint form (zh-CN and en labels), posting multipart to the intake API from <c>/assets/form.js</c>.</summary>
internal static class FormPage
{
    /// <summary>The form's script; the only path (with the rest of <c>/assets</c>) whose answers may be cached.</summary>
    public const string ScriptPath = "/assets/form.js";

    private const string Body = """
        <h1>客户投诉 · 咨询 · 建议 <span class="note">Complaints, inquiries and suggestions</span></h1>
        <form id="case-form" enctype="multipart/form-data" novalidate>
          <label for="kind">类型 Type</label>
          <select id="kind" name="kind"><option value="complaint">投诉 Complaint</option><option value="inquiry">咨询 Inquiry</option><option value="suggestion">建议 Suggestion</option></select>
          <label for="category">类别 Category</label>
          <select id="category" name="category">
            <option value="product-quality">产品质量 Product quality</option><option value="service-attitude">服务态度 Service attitude</option>
            <option value="delivery">配送 / 物流 Delivery</option><option value="price">价格 / 账单 Price / billing</option>
            <option value="facilities">设施 Facilities</option><option value="other">其他 Other</option>
          </select>
          <label for="subject">主题 Subject</label><input id="subject" name="subject" maxlength="200" required>
          <label for="description">详细描述 Description</label><textarea id="description" name="description" rows="6" maxlength="10000" required></textarea>
          <label for="name">姓名 Name</label><input id="name" name="customer.name" maxlength="100" required autocomplete="name">
          <label for="email">电子邮箱 Email</label><input id="email" name="customer.email" type="email" maxlength="254" required autocomplete="email">
          <label for="phone">电话 Phone (optional)</label><input id="phone" name="customer.phone" maxlength="32" autocomplete="tel">
          <label for="location">门店 Store or branch (optional)</label><input id="location" name="location" maxlength="200">
          <label for="orderReference">订单号 Order reference (optional)</label><input id="orderReference" name="orderReference" maxlength="100">
          <label for="evidence">凭证 Evidence (JPEG, PNG, GIF, WebP, PDF or text; up to 5 files, 10 MB each)</label>
          <input id="evidence" name="evidence" type="file" multiple>
          <button type="submit">提交 Submit</button>
        </form>
        <div id="result" role="status" aria-live="polite"></div>
        <script src="/assets/form.js"></script>
        """;

    // Served as a file, not inline: the pages' Content-Security-Policy allows scripts from this origin only.
    private const string Script = """
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
        """;

    public static IEndpointRouteBuilder MapFormPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => Results.Content(Html.Page("客户投诉 Complaints", Body), "text/html; charset=utf-8"));
        routes.MapGet(ScriptPath, () => Results.Text(Script, "text/javascript; charset=utf-8"));
        return routes;
    }
}
