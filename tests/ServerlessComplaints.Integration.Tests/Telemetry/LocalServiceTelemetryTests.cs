using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using OpenTelemetry.Metrics;
using ServerlessComplaints.Integration.Tests.LocalService;
using ServerlessComplaints.Workflow.Diagnostics;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Integration.Tests.Telemetry;

/// <summary>
/// One suggestion filed over real HTTP on the real engine, with the service's telemetry read back from in-memory
/// exporters: one trace from the request through Durable Task's orchestration and activity spans to the storage and
/// SendGrid calls, the workflow's metrics, logs carrying the trace id, and no customer contact or credential anywhere.
/// </summary>
public sealed class LocalServiceTelemetryTests(TelemetryFixture fixture) : IClassFixture<TelemetryFixture>
{
    private const string Reviewer = "ma.chao";
    private const string CustomerPhone = "+86 138 0000 0000";

    [Fact]
    public async Task Suggestion_FiledReviewedArchived_OneTraceFromRequestThroughEngineToStorageAndMail()
    {
        var (client, _) = await FileAndReviewAsync();

        var intakeTrace = IntakeRequest(client.TrackingNumber).TraceId;
        var trace = await WaitForTraceAsync(intakeTrace, spans => spans.Any(s => s.DisplayName.StartsWith("orchestration:", StringComparison.Ordinal)));

        Assert.Contains(trace, s => s.Source.Name == WorkflowTelemetry.Name && s.DisplayName == "complaint.intake"
            && (string?)s.GetTagItem(WorkflowTelemetry.Attributes.TrackingNumber) == client.TrackingNumber);
        Assert.Contains(trace, s => s.Source.Name == "DurableTask.Core" && s.DisplayName.StartsWith("create_orchestration:", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Source.Name == "DurableTask.Core" && s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("orchestration:", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Source.Name == "DurableTask.Core" && s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("activity:SaveComplaint", StringComparison.Ordinal));
        Assert.Contains(trace, s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal)); // the record saved by the activity
        Assert.Contains(trace, s => s.Source.Name == "System.Net.Http" && ((string?)s.GetTagItem("url.full"))?.EndsWith("/v3/mail/send", StringComparison.Ordinal) == true);
        Assert.Contains(fixture.Spans.Snapshot(), s => s.DisplayName == "complaint.action"
            && (string?)s.GetTagItem(WorkflowTelemetry.Attributes.TrackingNumber) == client.TrackingNumber && (string?)s.GetTagItem(WorkflowTelemetry.Attributes.Action) == "review");
        Assert.Contains(fixture.Spans.Snapshot(), s => s.Source.Name == "Microsoft.AspNetCore" && (string?)s.GetTagItem("url.path") == "/actions/" + CredentialRedactor.Mask);
        Assert.DoesNotContain(fixture.Spans.Snapshot(), s => s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) && s.ParentSpanId == default);
    }

    [Fact]
    public async Task Suggestion_Filed_ReceivedCountedByKindAndChannelAndQueueLatencyRecorded()
    {
        fixture.FlushMetrics();
        var before = Sum(fixture.Metrics.Snapshot(), "complaints.cases.received", ("complaint.kind", "suggestion"), ("complaint.channel", "web"));

        await FileAndReviewAsync();

        fixture.FlushMetrics();
        var metrics = fixture.Metrics.Snapshot();
        // The Meter is process-wide: other services in this test process count too, so the check is an increase.
        Assert.True(Sum(metrics, "complaints.cases.received", ("complaint.kind", "suggestion"), ("complaint.channel", "web")) > before);
        Assert.All(metrics.Last(m => m.Name == "complaints.cases.received").MetricPoints, p =>
            Assert.Equal(["complaint.channel", "complaint.kind"], Tags(p).Select(t => t.Key).Order()));
        Assert.Contains(metrics, m => m.Name == "complaints.queue.latency" && m.MetricPoints.Any(p => p.GetHistogramCount() > 0));
    }

    [Fact]
    public async Task Complaint_MailFailsBothAttempts_ActivityFailuresCountedBySendNotification()
    {
        var client = new CaseClient(fixture);

        Assert.Equal(HttpStatusCode.Accepted, (await client.SubmitAsync(CaseClient.Submission("complaint", email: LocalServiceFixture.FailTwice))).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        long failures;
        do
        {
            await Task.Delay(200);
            fixture.FlushMetrics();
            failures = Sum(fixture.Metrics.Snapshot(), "complaints.activities.failed", ("complaint.activity", "SendNotification"));
        }
        while (failures < 2 && DateTime.UtcNow < deadline);

        Assert.True(failures >= 2, $"activity failures counted: {failures}");
    }

    [Fact]
    public async Task Suggestion_Filed_IntakeLogCarriesTheRequestsTraceId()
    {
        var (client, _) = await FileAndReviewAsync();

        var intake = IntakeRequest(client.TrackingNumber);

        Assert.Contains(fixture.Logs.Snapshot(), l => l.Message?.Contains($"Case {client.TrackingNumber} accepted via", StringComparison.Ordinal) == true
            && l.TraceId == intake.TraceId && l.SpanId != default);
    }

    [Fact]
    public async Task EveryExportedItem_CaseFiledAndActionLinkOpened_NoEmailPhoneOrToken()
    {
        var (client, actionToken) = await FileAndReviewAsync();
        await WaitForTraceAsync(IntakeRequest(client.TrackingNumber).TraceId, spans => spans.Any(s => s.DisplayName.StartsWith("orchestration:", StringComparison.Ordinal)));
        fixture.FlushMetrics();

        string[] secrets = [CaseClient.CustomerEmail, CustomerPhone, "13800000000", client.Token, Uri.EscapeDataString(client.Token), actionToken];
        var texts = fixture.Spans.Snapshot().SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}"))))
            .Concat(fixture.Logs.Snapshot().SelectMany(l => l.Values.Append(l.Message ?? "")))
            .Concat(fixture.Metrics.Snapshot().SelectMany(m => m.MetricPoints.SelectMany(p => Tags(p).Select(t => $"{t.Key}={t.Value}"))))
            .ToList();

        Assert.NotEmpty(texts);
        Assert.Contains(texts, t => t.Contains(client.TrackingNumber, StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Files a suggestion with the customer's email and phone, opens the status and action links, reviews it to the archive.</summary>
    private async Task<(CaseClient Client, string ActionToken)> FileAndReviewAsync()
    {
        var client = new CaseClient(fixture);
        var submitted = await client.SubmitAsync(CaseClient.Submission("suggestion", "facilities"));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        await client.StatusAsync();
        var assignment = await fixture.WaitForMailAsync(client.TrackingNumber, "assignment");
        var actionUrl = new Uri(Regex.Match(assignment.Text, @"https?://\S+/actions/[^\s""'<>]+").Value);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync(actionUrl.PathAndQuery)).StatusCode);
        await client.WaitForStageAsync(CaseStage.Investigation);

        await client.ActAcceptedAsync(Reviewer, "review", new { adopted = true, reply = "感谢建议，下月起增设母婴室。" });
        await client.WaitForStageAsync(CaseStage.Archived);
        return (client, actionUrl.AbsolutePath["/actions/".Length..]);
    }

    /// <summary>The server span of the POST that filed the case (its trace id is the case's first trace).</summary>
    private Activity IntakeRequest(string trackingNumber)
    {
        var intake = fixture.Spans.Snapshot().Single(s => s.DisplayName == "complaint.intake" && (string?)s.GetTagItem(WorkflowTelemetry.Attributes.TrackingNumber) == trackingNumber);
        return fixture.Spans.Snapshot().Single(s => s.Source.Name == "Microsoft.AspNetCore" && s.SpanId == intake.ParentSpanId && s.TraceId == intake.TraceId);
    }

    // Durable Task ends the orchestration span when the orchestration completes: poll until the trace holds it.
    private async Task<IReadOnlyList<Activity>> WaitForTraceAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var trace = fixture.Spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
            if (complete(trace))
            {
                return trace;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Trace {traceId} incomplete after 30 s: {string.Join(", ", trace.Select(s => $"{s.Source.Name}/{s.DisplayName}"))}");
            }

            await Task.Delay(100);
        }
    }

    private static long Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        metrics.Where(m => m.Name == name).LastOrDefault()?.MetricPoints
            .Where(p => tags.All(t => Tags(p).Any(pt => pt.Key == t.Key && Equals(pt.Value, t.Value))))
            .Sum(p => p.GetSumLong()) ?? 0;

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }
}
