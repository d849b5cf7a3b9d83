using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// <c>POST /api/inbound-email</c> after the host has checked the secret and parsed the post: automatic mail is ignored
/// (noted on its case when it threads to one), a repeated Message-ID from the same sender changes nothing, a reply
/// joins its case (as the customer's message, a staff note, or held for review), any other mail opens a case.
/// Answers 200 when the mail is handled, the intake's 400 for mail that cannot become a case, and 503 when our
/// storage fails, so SendGrid retries and nothing is lost.
/// </summary>
public sealed partial class InboundEmailHandler(
    InboundEmailOptions options,
    IInboundMessageLog log,
    IComplaintStore store,
    IWorkflowClient client,
    InboundReplyRecorder replies,
    InboundCaseOpener opener,
    InboundCaseNotes notes,
    TimeProvider time,
    ILogger<InboundEmailHandler> logger)
{
    /// <summary>How long a delivery in progress holds off a concurrent one before a retry may take it over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    public static ApiResponse NotConfigured() =>
        ApiResponse.Problem(503, "Inbound email is not configured.", "Set InboundEmail:Secret to accept Inbound Parse posts.");

    public async Task<ApiResponse> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.IsConfigured)
        {
            return NotConfigured();
        }

        var key = InboundMessageKey.Of(DuplicateScope(message));
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var seen = await log.FindAsync(key, cancellationToken);
            if (seen is null && !await log.TryClaimAsync(key, now, cancellationToken))
            {
                seen = await log.FindAsync(key, cancellationToken);
            }

            if (seen is { Outcome: InboundEmailResult.Opened or InboundEmailResult.Threaded or InboundEmailResult.Held or InboundEmailResult.Ignored })
            {
                LogDuplicate(InboundMessageKey.Short(key), seen.TrackingNumber);
                return ApiResponse.Ok(new InboundEmailResult(InboundEmailResult.Duplicate, seen.TrackingNumber));
            }

            if (seen is { IsProcessing: true } && now - seen.AtUtc < ClaimTimeout)
            {
                return ApiResponse.Unavailable("This message is being processed; retry later.");
            }

            var (result, failure) = await DispatchAsync(message, key, cancellationToken);
            await log.CompleteAsync(key, new InboundMessageSeen(result?.Outcome ?? "rejected", result?.TrackingNumber, now), cancellationToken);
            if (failure is not null)
            {
                LogRejected(InboundMessageKey.Short(key), failure.StatusCode);
                return failure;
            }

            LogHandled(InboundMessageKey.Short(key), result!.Outcome, result.TrackingNumber, result.RefusedAttachments?.Count ?? 0);
            return ApiResponse.Ok(result);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException or AggregateException)
        {
            LogStorageFailed(ex, InboundMessageKey.Short(key));
            await ReleaseClaimAsync(key);
            return ApiResponse.Unavailable("Storage or mail is unreachable; the message was not processed. Please retry.");
        }
    }

    private async Task<(InboundEmailResult? Result, ApiResponse? Failure)> DispatchAsync(InboundMessage message, string key, CancellationToken cancellationToken)
    {
        var trackingNumber = CaseThreading.TrackingNumberOf(message);
        var record = trackingNumber is null ? null : await FindCaseAsync(trackingNumber, cancellationToken);
        if (AutomaticMail.Sign(message) is { } sign)
        {
            if (record is not null)
            {
                await notes.IgnoredAsync(record.TrackingNumber, key, sign.Code, cancellationToken);
            }

            return (new InboundEmailResult(InboundEmailResult.Ignored, record?.TrackingNumber, sign.Reason), null);
        }

        return record is not null
            ? (await replies.RecordAsync(record, message, key, cancellationToken), null)
            : await opener.OpenAsync(message, key, cancellationToken);
    }

    // A Message-ID is the sender's to choose: it counts as seen again only from the same address with the same SPF/DKIM
    // standing, so a stranger who predicts or copies someone's Message-ID cannot suppress that person's mail.
    private static string DuplicateScope(InboundMessage message) =>
        string.Join('\n', message.FromAddress.ToLowerInvariant(), SenderAuthentication.IsVerified(message) ? "verified" : "unverified", message.MessageId);

    // A failed attempt frees its claim at once when storage allows, so SendGrid's retry need not wait for the timeout.
    private async Task ReleaseClaimAsync(string key)
    {
        try
        {
            await log.CompleteAsync(key, new InboundMessageSeen("failed", null, time.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException or AggregateException)
        {
            LogClaimKept(InboundMessageKey.Short(key));
        }
    }

    // Right after intake the record may not be written yet: the orchestration's input stands in for it.
    private async Task<ComplaintRecord?> FindCaseAsync(string trackingNumber, CancellationToken cancellationToken) =>
        await store.GetAsync(trackingNumber, cancellationToken)
        ?? (CaseStageReader.InputOf(await client.GetStatusAsync(trackingNumber, cancellationToken)) is { } input ? new ComplaintRecord(input.Details) : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound email {MessageKey} handled: {Outcome}, case {TrackingNumber}, {RefusedCount} attachments refused")]
    private partial void LogHandled(string messageKey, string outcome, string? trackingNumber, int refusedCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound email {MessageKey} delivered again; already handled for case {TrackingNumber}")]
    private partial void LogDuplicate(string messageKey, string? trackingNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound email {MessageKey} could not become a case: HTTP {StatusCode}")]
    private partial void LogRejected(string messageKey, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound email {MessageKey}: claim kept until it times out")]
    private partial void LogClaimKept(string messageKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbound email {MessageKey} failed: storage or mail unreachable")]
    private partial void LogStorageFailed(Exception exception, string messageKey);
}
