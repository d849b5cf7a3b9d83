using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Lifecycle.Events;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Integration.Tests.LocalService;

// The dashboard and the exports over real HTTP on the local service's table store: the dashboard's figures (JSON and
// CSV) equal those the test computes itself from the records /api/staff/complaints lists; the CSV files start with the
// UTF-8 BOM and carry their header and rows in the page's language; who may see what.
[Collection(LocalServiceCollection.Name)]
public partial class DashboardOverHttpTests(LocalServiceFixture fixture)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Dashboard_SeededCases_EveryFigureEqualsTheOneComputedFromTheListedRecords()
    {
        var (marker, from, to) = await SeedAsync();
        var zone = fixture.Service.App.Services.GetRequiredService<BusinessCalendar>().TimeZone;
        using var api = fixture.StaffClient("li.na");

        // The records as the staff API lists them (every case, then ours by the subject's marker), each in full.
        var listed = await api.GetFromJsonAsync<List<StaffCaseSummary>>("/api/staff/complaints?take=500", WorkflowJson.Options) ?? [];
        var records = new List<ComplaintRecord>();
        foreach (var summary in listed.Where(s => s.Subject.Contains(marker, StringComparison.Ordinal)))
        {
            var detail = await api.GetFromJsonAsync<StaffCaseDetail>($"/api/staff/complaints/{summary.TrackingNumber}", WorkflowJson.Options);
            records.Add(detail!.Record);
        }

        var expected = Compute(records, zone, from, to);
        var query = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&location={Uri.EscapeDataString(marker)}";
        var json = await api.GetStringAsync("/api/staff/dashboard?" + query);
        var actual = JsonSerializer.Deserialize<DashboardFigures>(json, WorkflowJson.Options)!;
        using var manager = await SignInAsync("li.na");
        var csv = await manager.Client.GetAsync("/staff/exports/dashboard?lang=zh-CN&" + query);
        var bytes = await csv.Content.ReadAsByteArrayAsync();

        Assert.Equal(Seeded, records.Count);
        AssertSameFigures(expected, actual);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Bom, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["指标代码", "指标", "项目代码", "项目", "度量代码", "度量", "数值", "显示为"], rows[0]);
        var values = rows.Skip(1).ToDictionary(r => $"{r[0]}/{r[2]}/{r[4]}", r => r[6], StringComparer.Ordinal);
        Assert.All(ExpectedCsv(expected), e => Assert.True(values.TryGetValue(e.Key, out var v) && SameNumber(v, e.Value), $"{e.Key}: expected {e.Value}, CSV has {v ?? "nothing"}"));
        Assert.Contains(rows, r => r[0] == "received-by-location" && r[3] == marker);
    }

    [Fact]
    public async Task ClosedExport_Period_ClosedCasesOfTheSelectionWithBomAndEnglishHeader()
    {
        var (marker, from, to) = await SeedAsync();
        using var manager = await SignInAsync("li.na");

        var response = await manager.Client.GetAsync($"/staff/exports/closed?lang=en&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&location={Uri.EscapeDataString(marker)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal("Tracking number", rows[0][0]);
        Assert.Contains("Closed (UTC+8)", rows[0]);
        var expected = _closed[marker].Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal).ToList());
        Assert.All(rows.Skip(1), r => Assert.Contains(marker, r[3], StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueueExport_ChineseSearch_BomChineseHeaderAndTheRow()
    {
        var client = new CaseClient(fixture);
        var subject = "导出测试：微波炉门无法关闭 " + Guid.NewGuid().ToString("N")[..6];
        var submitted = await client.SubmitAsync(new { kind = "complaint", category = "product-quality", subject, description = "微波炉门无法关闭，请尽快处理。", customer = new { name = "赵雪", email = "zhao.xue@example.cn" }, language = "zh-CN" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        await client.WaitForStageAsync(CaseStage.Investigation);
        using var manager = await SignInAsync("li.na");

        var page = await manager.Client.GetStringAsync("/staff?lang=zh-CN&scope=all&q=" + Uri.EscapeDataString("微波炉门"));
        var response = await manager.Client.GetAsync("/staff/exports/queue?lang=zh-CN&scope=all&q=" + Uri.EscapeDataString("微波炉门"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        Assert.Contains("id=\"export-queue\" href=\"/staff/exports/queue?lang=zh-CN&amp;scope=all&amp;q=", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        Assert.Equal(Bom, bytes[..3]);
        Assert.Equal(["受理编号", "类型", "类别", "主题", "客户", "地点", "阶段"], rows[0][..7]);
        var row = Assert.Single(rows, r => r[0] == client.TrackingNumber);
        Assert.Equal(subject, row[3]);
        Assert.Equal("赵雪", row[4]);
        Assert.Equal("投诉", row[1]);
    }

    [Fact]
    public async Task Access_StaffRefused_SupervisorOwnDepartment_NoSessionToSignIn()
    {
        using var staff = await SignInAsync("zhang.wei");
        using var supervisor = await SignInAsync("wang.lei");
        using var anonymous = new Browser(fixture.Http.BaseAddress!);
        using var staffApi = fixture.StaffClient("zhang.wei");

        var refused = await staff.Client.GetAsync("/staff/dashboard?lang=en");
        var refusedExport = await staff.Client.GetAsync("/staff/exports/dashboard?lang=en");
        var own = await supervisor.Client.GetAsync("/staff/dashboard?lang=en");
        var other = await supervisor.Client.GetAsync("/staff/dashboard?lang=en&department=service");
        var bad = await supervisor.Client.GetAsync("/staff/dashboard?lang=zh-CN&from=2026-02-30");
        var signIn = await anonymous.Client.GetAsync("/staff/exports/queue?lang=en");
        var api = await staffApi.GetAsync("/api/staff/dashboard");
        var ownHtml = await own.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("shown to supervisors and above", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refusedExport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("<option value=\"quality\" selected", ownHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-received-per-week\"", ownHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-dashboard\"", ownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请按“年-月-日”填写日期", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task ChartsScript_ServedByTheApp_SameAsNpmsDistAndRevalidates()
    {
        var page = await (await SignInAsync("gao.feng")).Client.GetStringAsync("/staff/dashboard?lang=en");
        var src = ScriptSource().Match(page).Groups[1].Value;

        var response = await fixture.Http.GetAsync(src);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var again = new HttpRequestMessage(HttpMethod.Get, src);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var revalidated = await fixture.Http.SendAsync(again);

        Assert.StartsWith("/assets/vendor/echarts.min.js?v=", src, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        var npm = Path.Combine(AzuriteFixture.RepositoryRoot, "node_modules", "echarts", "dist", "echarts.min.js");
        if (File.Exists(npm))
        {
            Assert.Equal(await File.ReadAllBytesAsync(npm), body); // the vendored file is npm's, at the version package.json names
        }

        Assert.Contains("Licensed to the Apache Software Foundation", Encoding.UTF8.GetString(body, 0, 500), StringComparison.Ordinal);
    }

    private static bool SameNumber(string? csv, string? expected) =>
        string.IsNullOrEmpty(csv) || string.IsNullOrEmpty(expected)
            ? string.IsNullOrEmpty(csv) == string.IsNullOrEmpty(expected)
            : decimal.Parse(csv, CultureInfo.InvariantCulture) == decimal.Parse(expected, CultureInfo.InvariantCulture);

    [GeneratedRegex("<script src=\"(/assets/vendor/echarts[^\"]+)\"")]
    private static partial Regex ScriptSource();

    private async Task<Browser> SignInAsync(string staffId)
    {
        var browser = new Browser(fixture.Http.BaseAddress!);
        var form = await browser.Client.GetStringAsync("/staff/sign-in?lang=en");
        var token = TokenField().Match(form).Groups[1].Value;
        var signIn = await browser.Client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("language", "en"), new("key", fixture.Service.StaffKeys[staffId])]));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
