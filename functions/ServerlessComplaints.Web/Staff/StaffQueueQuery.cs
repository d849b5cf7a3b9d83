using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// The queue page's query string (<c>GET /staff?scope=department&amp;stage=investigation&amp;q=加热&amp;page=2</c>) read
/// into a <see cref="StaffQueueRequest"/>: every field by its wire name, an empty field meaning "any", each bad value
/// an error code for its field (<c>StaffQueue.Error.{code}</c>), the values as given kept for the form, and the links
/// to the same queue with some fields changed (tabs, sort, pages).
/// </summary>
public sealed class StaffQueueQuery
{
    public const int PageSize = 25;
    public const int MaxTextLength = 200;
    public const int MaxPage = 10_000;

    /// <summary>The queue's fields in the order links carry them.</summary>
    public static IReadOnlyList<string> Fields => FieldOrder;

    private static readonly string[] FieldOrder = ["scope", "q", "stage", "kind", "category", "location", "department", "owner", "overdue", "escalated", "from", "to", "sort", "page"];

    private StaffQueueQuery(StaffQueueRequest request, Dictionary<string, string> values, Dictionary<string, string> errors, int? reassigned, int? refused)
    {
        Request = request;
        Values = values;
        Errors = errors;
        Reassigned = reassigned;
        Refused = refused;
    }

    public StaffQueueRequest Request { get; }

    /// <summary>Each field given, trimmed, as given (a bad value included, so the form shows what was asked).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Field → error code (choice, date, range, too-long, page, flag); empty when every value is good.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>From the bulk reassign's answer (<c>?reassigned=N&amp;refused=M</c>): how many cases it moved and refused.</summary>
    public int? Reassigned { get; }

    public int? Refused { get; }

    public string? this[string field] => Values.GetValueOrDefault(field);

    public static StaffQueueQuery Read(IQueryCollection query, StaffDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var fields = QueryFields.Read(query, FieldOrder);
        var request = new StaffQueueRequest(
            Scope: fields.Choice<QueueScope>("scope") ?? QueueScope.Mine,
            Stage: Stage(fields),
            Kind: fields.Choice<ComplaintKind>("kind"),
            Category: fields.Choice<Category>("category"),
            Location: fields.Text("location", MaxTextLength),
            DepartmentId: fields.Known("department", MaxTextLength, directory.HasDepartment),
            OwnerId: fields.Known("owner", MaxTextLength, id => directory.Find(id) is not null),
            OverdueOnly: Flag(fields, "overdue"),
            EscalatedOnly: Flag(fields, "escalated"),
            ReceivedFrom: fields.Date("from"),
            ReceivedTo: fields.Date("to"),
            Search: fields.Text("q", MaxTextLength),
            // A search lists the newest matches first (the postings' own order, so the first page stops early); the queue its due order.
            Sort: fields.Choice<QueueSort>("sort") ?? (fields.Values.ContainsKey("q") ? QueueSort.Received : QueueSort.Due),
            Page: PageNumber(fields),
            PageSize: PageSize);
        if (request.ReceivedFrom > request.ReceivedTo)
        {
            fields.FailOnce("to", "range");
        }

        return new StaffQueueQuery(request, fields.Values, fields.Errors(), Count(query, "reassigned"), Count(query, "refused"));
    }

    /// <summary>This queue in <paramref name="language"/> with some fields changed (a null value removes the field); the page number is dropped unless changed.</summary>
    public string Link(string language, params (string Field, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string?>(Values.Where(v => v.Key != "page").Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)), StringComparer.Ordinal);
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }

        var pairs = Fields.Where(f => fields.GetValueOrDefault(f) is { Length: > 0 }).Select(f => KeyValuePair.Create(f, fields[f]));
        return QueryHelpers.AddQueryString("/staff", [KeyValuePair.Create("lang", (string?)language), .. pairs]);
    }

    // "unknown" is what a newer release's stage reads as; nobody filters by it.
    private static CaseStage? Stage(QueryFields fields)
    {
        var stage = fields.Choice<CaseStage>("stage");
        if (stage == CaseStage.Unknown)
        {
            fields.Fail("stage", "choice");
            return null;
        }

        return stage;
    }

    // A checkbox sends "yes"; links and hand-written addresses may say true, on or 1.
    private static bool Flag(QueryFields fields, string field)
    {
        if (!fields.Values.TryGetValue(field, out var value))
        {
            return false;
        }

        if (value.ToLowerInvariant() is "yes" or "true" or "on" or "1")
        {
            fields.Values[field] = "yes";
            return true;
        }

        fields.Fail(field, "flag");
        return false;
    }

    private static int PageNumber(QueryFields fields)
    {
        if (!fields.Values.TryGetValue("page", out var value))
        {
            return 1;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage)
        {
            return page;
        }

        fields.Fail("page", "page");
        return 1;
    }

    // The reassign answer's counts are only shown; a count that is not one is not shown.
    private static int? Count(IQueryCollection query, string name) =>
        int.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000 ? n : null;
}
