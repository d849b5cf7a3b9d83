using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// <c>POST /api/complaints</c> and staff-logged cases: validate the fields and the files, store the evidence, start
/// the case, answer 202. Nothing is stored for a rejected submission; a storage failure is a 503, never a false 202.
/// With an <c>Idempotency-Key</c> (see <see cref="IntakeIdempotency"/>): one case per key; a repeat gets the same 202,
/// or 409 (with <c>Retry-After</c>) while the first is still being handled; the key with a different request is a 422.
/// </summary>
public sealed partial class IntakeHandler(
    CaseIntake intake,
    IntakeValidator validator,
    EvidenceInspector inspector,
    IEvidenceStore evidence,
    IntakeIdempotency idempotency,
    IdempotencyKeys keys,
    IntakeLimits limits,
    StatusLinks links,
    BusinessCalendar calendar,
    TimeProvider time,
    ILogger<IntakeHandler> logger)
{
    public const int MaxIdempotencyKeyLength = 200;

    public async Task<ApiResponse> SubmitAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IdempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            return ApiResponse.Invalid(new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"Idempotency-Key must be at most {MaxIdempotencyKeyLength} characters."] });
        }

        IdempotencyEntry? claim = null;
        try
        {
            var trackingNumber = TrackingNumber.New(time.GetUtcNow().UtcDateTime, calendar.TimeZone);
            var check = validator.Validate(request.Submission, new IntakeContext(request.Channel, trackingNumber, time.GetUtcNow().UtcDateTime, request.AcceptLanguage, request.LoggedBy));
            var errors = new Dictionary<string, string[]>(request.ErrorCulture is { } culture ? check.ErrorsIn(culture) : check.Errors);
            var files = InspectFiles(request.Files, errors);
            if (errors.Count > 0)
            {
                return ApiResponse.Invalid(errors);
            }

            if (request.IdempotencyKey is { } clientKey)
            {
                var requestHash = keys.RequestHash(check.Details!, files.Select(f => (f.Inspection.SafeName!, f.Inspection.ContentType!, EvidenceBlobName.Sha256Hex(f.Content.Span))));
                var decision = await idempotency.ClaimAsync(keys.KeyFor(request.KeyScope, clientKey), requestHash, trackingNumber, cancellationToken);
                if (!decision.IsClaimed)
                {
                    return Answer(decision);
                }

                claim = decision.Claim!;
                trackingNumber = claim.TrackingNumber;
                if (decision.Outcome == IdempotencyOutcome.TakenOver)
                {
                    if (await intake.IsStartedAsync(trackingNumber, cancellationToken))
                    {
                        await idempotency.CompleteAsync(claim, cancellationToken);
                        claim = null;
                        return Accepted(trackingNumber);
                    }

                    // Files an abandoned attempt stored under the claim's tracking number would be listed with the case.
                    await evidence.DeleteAllAsync(trackingNumber, cancellationToken);
                }
            }

            var response = await StartAsync(request, trackingNumber, files, claim, cancellationToken);
            claim = null;
            return response;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException or AggregateException)
        {
            LogStorageFailed(ex);
            return ApiResponse.Unavailable("Storage is unreachable; your case was not saved. Please try again shortly.");
        }
        finally
        {
            // Still held here only after a failure: let the client's retry take it over at once.
            if (claim is not null)
            {
                await AbandonQuietlyAsync(claim);
            }
        }
    }

    private async Task<ApiResponse> StartAsync(
        IntakeRequest request, string trackingNumber, List<(EvidenceInspection Inspection, ReadOnlyMemory<byte> Content)> files, IdempotencyEntry? claim, CancellationToken cancellationToken)
    {
        var blobNames = new List<string>();
        foreach (var (inspection, content) in files)
        {
            var item = await evidence.SaveAsync(trackingNumber, inspection.SafeName!, inspection.ContentType!, content, cancellationToken);
            blobNames.Add(item.BlobName);
        }

        var outcome = await intake.SubmitAsync(request.Submission, request.Channel, request.AcceptLanguage, request.LoggedBy, blobNames, trackingNumber, cancellationToken);
        if (!outcome.Accepted)
        {
            await evidence.DeleteAllAsync(trackingNumber, cancellationToken);
            if (claim is not null)
            {
                await idempotency.AbandonAsync(claim, cancellationToken);
            }

            return ApiResponse.Invalid(request.ErrorCulture is { } culture ? outcome.ErrorsIn(culture) : outcome.Errors);
        }

        // Taken over meanwhile (this request outlived the claim timeout): the taker finds this case and replays it.
        if (claim is not null && !await idempotency.CompleteAsync(claim, cancellationToken))
        {
            LogClaimLost(trackingNumber);
        }

        LogAccepted(trackingNumber, request.Channel.ToString(), blobNames.Count);
        return Accepted(trackingNumber);
    }

    private ApiResponse Answer(IdempotencyDecision decision) => decision.Outcome switch
    {
        IdempotencyOutcome.Replay => Accepted(decision.TrackingNumber!),
        IdempotencyOutcome.InProgress => ApiResponse.Problem(
            409,
            "A request with this Idempotency-Key is still being processed.",
            "Send the same request again with the same Idempotency-Key shortly; it will get the same answer.",
            headers: new Dictionary<string, string> { ["Retry-After"] = "1" }),
        _ => ApiResponse.Problem(
            422,
            "This Idempotency-Key was already used for a different request.",
            "Use a new Idempotency-Key for a new submission; a key may only be repeated with the same request."),
    };

    private async Task AbandonQuietlyAsync(IdempotencyEntry claim)
    {
        try
        {
            await idempotency.AbandonAsync(claim, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException or AggregateException)
        {
            // Storage is down: the claim times out after IntakeIdempotency.ClaimTimeout instead.
            LogStorageFailed(ex);
        }
    }

    private List<(EvidenceInspection Inspection, ReadOnlyMemory<byte> Content)> InspectFiles(IReadOnlyList<EvidenceUpload> uploads, Dictionary<string, string[]> errors)
    {
        var accepted = new List<(EvidenceInspection, ReadOnlyMemory<byte>)>();
        var batch = EvidenceBatchCheck.Check([.. uploads.Select(u => (u.FileName, u.Content.Length))], limits);
        foreach (var (field, messages) in batch)
        {
            errors[field] = messages;
        }

        // Each file is inspected only when the batch as a whole is within limits.
        for (var i = 0; i < uploads.Count && batch.Count == 0; i++)
        {
            var inspection = inspector.Inspect(uploads[i].FileName, uploads[i].Content.Span);
            if (inspection.IsAccepted)
            {
                accepted.Add((inspection, uploads[i].Content));
            }
            else
            {
                errors[$"evidence[{i}]"] = [inspection.Error!];
            }
        }

        return accepted;
    }

    private ApiResponse Accepted(string trackingNumber) =>
        ApiResponse.Accepted(new IntakeAccepted(trackingNumber, links.PageUrl(trackingNumber)), links.ApiPath(trackingNumber));

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {TrackingNumber} accepted via {Channel} with {EvidenceCount} evidence files")]
    private partial void LogAccepted(string trackingNumber, string channel, int evidenceCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {TrackingNumber} started after its idempotency claim was taken over")]
    private partial void LogClaimLost(string trackingNumber);

    [LoggerMessage(Level = LogLevel.Error, Message = "Intake failed: storage unreachable")]
    private partial void LogStorageFailed(Exception exception);
}
