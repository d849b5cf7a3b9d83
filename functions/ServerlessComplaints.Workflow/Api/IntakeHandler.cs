using Microsoft.Extensions.Logging;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Workflow.Api;

/// <summary>
/// <c>POST /api/complaints</c> and staff-logged cases: validate the fields and the files, store the evidence, start
/// the case, answer 202. Nothing is stored for a rejected submission; a storage failure is a 503, never a false 202.
/// </summary>
public sealed partial class IntakeHandler(
    CaseIntake intake,
    IntakeValidator validator,
    EvidenceInspector inspector,
    IEvidenceStore evidence,
    IIdempotencyStore idempotency,
    IntakeLimits limits,
    StatusLinks links,
    BusinessCalendar calendar,
    TimeProvider time,
    ILogger<IntakeHandler> logger)
{
    public async Task<ApiResponse> SubmitAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is { Length: > 200 })
        {
            return ApiResponse.Invalid(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["Idempotency-Key must be at most 200 characters."] });
        }

        try
        {
            if (request.IdempotencyKey is { } key && await idempotency.FindAsync(key, cancellationToken) is { } existing)
            {
                return Accepted(existing);
            }

            var trackingNumber = TrackingNumber.New(time.GetUtcNow().UtcDateTime, calendar.TimeZone);
            var check = validator.Validate(request.Submission, new IntakeContext(request.Channel, trackingNumber, time.GetUtcNow().UtcDateTime, request.AcceptLanguage, request.LoggedBy));
            var errors = new Dictionary<string, string[]>(check.Errors);
            var files = InspectFiles(request.Files, errors);
            if (errors.Count > 0)
            {
                return ApiResponse.Invalid(errors);
            }

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
                return ApiResponse.Invalid(outcome.Errors);
            }

            var stored = request.IdempotencyKey is { } k ? await idempotency.RememberAsync(k, trackingNumber, cancellationToken) : trackingNumber;
            LogAccepted(trackingNumber, request.Channel.ToString(), blobNames.Count);
            return Accepted(stored);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException or AggregateException)
        {
            LogStorageFailed(ex);
            return ApiResponse.Unavailable("Storage is unreachable; your case was not saved. Please try again shortly.");
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Intake failed: storage unreachable")]
    private partial void LogStorageFailed(Exception exception);
}
