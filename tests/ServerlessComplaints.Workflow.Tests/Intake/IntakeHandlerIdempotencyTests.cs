using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Tests.Lifecycle;

namespace ServerlessComplaints.Workflow.Tests.Intake;

/// <summary>The intake handler's <c>Idempotency-Key</c> answers on the lifecycle harness with the in-memory key store.</summary>
public sealed class IntakeHandlerIdempotencyTests
{
    private readonly CaseHarness _harness = CaseHarness.Create(ComplaintHappyPathTests.Monday);

    private IntakeHandler Handler
    {
        get
        {
            var intake = ActivatorUtilities.CreateInstance<CaseIntake>(_harness.Services, _harness.Host.Client, _harness.Host.Clock);
            return ActivatorUtilities.CreateInstance<IntakeHandler>(_harness.Services, intake, _harness.Host.Clock, NullLogger<IntakeHandler>.Instance);
        }
    }

    private static IntakeRequest Request(ComplaintSubmission submission, string? key, string? loggedBy = null, string? scope = null) =>
        new(submission, [], loggedBy is null ? Channel.Web : Channel.Phone, IdempotencyKey: key, LoggedBy: loggedBy, IdempotencyScope: scope);

    private static string TrackingNumberOf(ApiResponse response)
    {
        Assert.True(response.StatusCode == 202, $"HTTP {response.StatusCode}: {response.Body}");
        return Assert.IsType<IntakeAccepted>(response.Body).TrackingNumber;
    }

    [Fact]
    public async Task SubmitAsync_SameKeyAndRequestTwice_Same202AndOneCase()
    {
        var first = await Handler.SubmitAsync(Request(CaseHarness.Submission(), "key-1"), CancellationToken.None);
        var second = await Handler.SubmitAsync(Request(CaseHarness.Submission() with { Subject = " 电饭煲使用两天后无法加热  " }, "key-1"), CancellationToken.None);

        Assert.Equal(TrackingNumberOf(first), TrackingNumberOf(second));
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task SubmitAsync_SameKeyDifferentRequest_422WithoutTheFirstCase()
    {
        var first = TrackingNumberOf(await Handler.SubmitAsync(Request(CaseHarness.Submission(), "key-1"), CancellationToken.None));

        var reused = await Handler.SubmitAsync(Request(CaseHarness.Submission(description: "另一件事"), "key-1"), CancellationToken.None);

        Assert.Equal(422, reused.StatusCode);
        var problem = Assert.IsType<ProblemBody>(reused.Body);
        Assert.DoesNotContain(first, problem.ToString(), StringComparison.Ordinal);
        Assert.Null(reused.Headers);
    }

    [Fact]
    public async Task SubmitAsync_SameKeyPublicStaffAndInbound_ThreeSeparateCases()
    {
        var submission = CaseHarness.Submission();

        var asPublic = await Handler.SubmitAsync(Request(submission, "shared"), CancellationToken.None);
        var asStaff = await Handler.SubmitAsync(Request(submission, "shared", loggedBy: Staff.Owner), CancellationToken.None);
        var asInbound = await Handler.SubmitAsync(Request(submission, "shared", scope: IdempotencyKeys.InboundEmailScope), CancellationToken.None);

        Assert.Equal(3, new[] { asPublic, asStaff, asInbound }.Select(TrackingNumberOf).Distinct().Count());
    }

    [Fact]
    public async Task SubmitAsync_InvalidRequestWithKey_400AndTheKeyStaysFree()
    {
        var invalid = await Handler.SubmitAsync(Request(CaseHarness.Submission() with { Kind = "rant" }, "key-1"), CancellationToken.None);
        var valid = await Handler.SubmitAsync(Request(CaseHarness.Submission(), "key-1"), CancellationToken.None);

        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal(202, valid.StatusCode);
    }
}
