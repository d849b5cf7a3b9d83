using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Tests.Lifecycle;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

/// <summary>The inbound email handler on the lifecycle harness: real intake and workflow, in-memory stores, the harness clock.</summary>
internal sealed class InboundScenario
{
    public const string Secret = "inbound-test-secret-0123456789";

    private readonly InboundEmailParser _parser = new();

    private InboundScenario(CaseHarness harness, InboundEmailHandler handler)
    {
        Harness = harness;
        Handler = handler;
    }

    public CaseHarness Harness { get; }

    public InboundEmailHandler Handler { get; }

    public InMemoryComplaintStore Records => Harness.Services.GetRequiredService<InMemoryComplaintStore>();

    /// <summary>The scenario; <paramref name="inboundMailer"/> replaces the mailer of the owner's customer-message mail.</summary>
    public static InboundScenario Create(string secret = Secret, IMailer? inboundMailer = null)
    {
        var harness = CaseHarness.Create(ComplaintHappyPathTests.Monday, s => s.InboundEmail.Secret = secret);
        var sp = harness.Services;
        var clock = harness.Host.Clock;
        var intake = ActivatorUtilities.CreateInstance<CaseIntake>(sp, harness.Host.Client, clock);
        var intakeHandler = ActivatorUtilities.CreateInstance<IntakeHandler>(sp, intake, clock, NullLogger<IntakeHandler>.Instance);
        var notes = ActivatorUtilities.CreateInstance<InboundCaseNotes>(sp, clock);
        var opener = ActivatorUtilities.CreateInstance<InboundCaseOpener>(sp, intakeHandler, notes);
        var mail = ActivatorUtilities.CreateInstance<CustomerMessageMail>(sp, inboundMailer ?? sp.GetRequiredService<IMailer>());
        var replies = ActivatorUtilities.CreateInstance<InboundReplyRecorder>(sp, notes, mail, clock);
        var handler = ActivatorUtilities.CreateInstance<InboundEmailHandler>(sp, harness.Host.Client, opener, replies, notes, clock, NullLogger<InboundEmailHandler>.Instance);
        return new InboundScenario(harness, handler);
    }

    /// <summary>Parses the post as the host would, hands it to the handler and lets the workflow settle.</summary>
    public async Task<ApiResponse> PostAsync(InboundPost post)
    {
        var parsed = _parser.Parse(post);
        Assert.True(parsed.Message is not null, parsed.Error);
        var response = await Handler.HandleAsync(parsed.Message, CancellationToken.None);
        await Harness.Host.SettleAsync();
        return response;
    }

    public static InboundEmailResult Result(ApiResponse response)
    {
        Assert.True(response.StatusCode == 200, $"HTTP {response.StatusCode}: {response.Body}");
        return Assert.IsType<InboundEmailResult>(response.Body);
    }

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string trackingNumber) =>
        Harness.Services.GetRequiredService<ITimelineStore>().ListAsync(trackingNumber, CancellationToken.None);

    /// <summary>The entry as a reader in <paramref name="language"/> sees it (staff names from the directory).</summary>
    public TimelineLine Render(TimelineEntry entry, string language) =>
        Harness.Services.GetRequiredService<TimelineText>().Render(entry, CaseCulture.Of(language));

    public Task<IReadOnlyList<EvidenceItem>> EvidenceAsync(string trackingNumber) =>
        Harness.Services.GetRequiredService<IEvidenceStore>().ListAsync(trackingNumber, CancellationToken.None);
}
