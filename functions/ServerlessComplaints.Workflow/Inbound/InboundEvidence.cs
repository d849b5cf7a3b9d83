using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>
/// Attachments as evidence under the form's checks (<see cref="EvidenceInspector"/> per file, <see cref="EvidenceBatchCheck"/>
/// for the case's files together). A refused attachment is reported, never fatal: the mail still opens or joins its case.
/// </summary>
public sealed class InboundEvidence(EvidenceInspector inspector, IEvidenceStore store, IntakeLimits limits)
{
    /// <summary>The attachments that pass, in order, and the name and reason of each refused one.</summary>
    public (IReadOnlyList<EvidenceUpload> Accepted, IReadOnlyList<RefusedAttachment> Refused) Check(IReadOnlyList<InboundAttachment> attachments, IReadOnlyList<EvidenceItem> existing)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        ArgumentNullException.ThrowIfNull(existing);
        var batch = existing.Select(e => (FileName: (string?)e.FileName, Length: (int)Math.Min(e.Size, int.MaxValue))).ToList();
        var accepted = new List<EvidenceUpload>();
        var refused = new List<RefusedAttachment>();
        foreach (var attachment in attachments)
        {
            var inspection = inspector.Inspect(attachment.FileName, attachment.Content.Span);
            var batchErrors = inspection.IsAccepted
                ? EvidenceBatchCheck.Check([.. batch, (attachment.FileName, attachment.Content.Length)], limits)
                : new Dictionary<string, string[]>();
            var reason = inspection.Error ?? (batchErrors.Count > 0 ? string.Join("; ", batchErrors.Values.SelectMany(v => v)) : null);
            if (reason is not null)
            {
                var codes = inspection.IsAccepted
                    ? RefusalCodes.OfBatch([.. batch, (attachment.FileName, attachment.Content.Length)], limits)
                    : [RefusalCodes.OfFile(inspection, attachment.Content.Length, limits)];
                refused.Add(new RefusedAttachment(InboundText.FileName(attachment.FileName), reason) { Codes = codes });
                continue;
            }

            batch.Add((attachment.FileName, attachment.Content.Length));
            accepted.Add(new EvidenceUpload(attachment.FileName, attachment.Content));
        }

        return (accepted, refused);
    }

    /// <summary>
    /// Checks and stores a reply's attachments on an existing case; files already stored (a retried delivery) are not
    /// stored or counted twice. Returns the names now on the case from this mail, and the refused ones.
    /// </summary>
    public async Task<(IReadOnlyList<string> Stored, IReadOnlyList<RefusedAttachment> Refused)> AddToCaseAsync(
        string trackingNumber, IReadOnlyList<InboundAttachment> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var existing = await store.ListAsync(trackingNumber, cancellationToken);
        var stored = new List<string>();
        var fresh = new List<InboundAttachment>();
        foreach (var attachment in attachments)
        {
            var inspection = inspector.Inspect(attachment.FileName, attachment.Content.Span);
            var sha = EvidenceBlobName.Sha256Hex(attachment.Content.Span);
            if (inspection.IsAccepted && existing.Any(e => e.Sha256 == sha && e.FileName == inspection.SafeName))
            {
                stored.Add(inspection.SafeName!);
            }
            else
            {
                fresh.Add(attachment);
            }
        }

        var (accepted, refused) = Check(fresh, existing);
        foreach (var upload in accepted)
        {
            var inspection = inspector.Inspect(upload.FileName, upload.Content.Span);
            var item = await store.SaveAsync(trackingNumber, inspection.SafeName!, inspection.ContentType!, upload.Content, cancellationToken);
            stored.Add(item.FileName);
        }

        return (stored, refused);
    }
}
