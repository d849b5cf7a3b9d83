using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Localization;
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

    private const string DateFormat = "yyyy-MM-dd";

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
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(directory);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (query[field].ToString().Trim() is { Length: > 0 } value)
            {
                values[field] = value;
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new StaffQueueRequest(
            Scope: Choice(values, errors, "scope", QueueScope.Mine),
            Stage: Stage(values, errors),
            Kind: Optional<ComplaintKind>(values, errors, "kind"),
            Category: Optional<Category>(values, errors, "category"),
            Location: Text(values, errors, "location"),
            DepartmentId: Known(values, errors, "department", id => directory.All.Any(m => Same(m.Department, id))),
            OwnerId: Known(values, errors, "owner", id => directory.Find(id) is not null),
            OverdueOnly: Flag(values, errors, "overdue"),
            EscalatedOnly: Flag(values, errors, "escalated"),
            ReceivedFrom: Date(values, errors, "from"),
            ReceivedTo: Date(values, errors, "to"),
            Search: Text(values, errors, "q"),
            // A search lists the newest matches first (the postings' own order, so the first page stops early); the queue its due order.
            Sort: Choice(values, errors, "sort", values.ContainsKey("q") ? QueueSort.Received : QueueSort.Due),
            Page: PageNumber(values, errors),
            PageSize: PageSize);
        if (request.ReceivedFrom > request.ReceivedTo)
        {
            errors.TryAdd("to", "range");
        }

        // The errors in the order of the fields, as the form shows them.
        var ordered = errors.OrderBy(e => Array.IndexOf(FieldOrder, e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return new StaffQueueQuery(request, values, ordered, Count(query, "reassigned"), Count(query, "refused"));
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

    private static TEnum Choice<TEnum>(Dictionary<string, string> values, Dictionary<string, string> errors, string field, TEnum fallback)
        where TEnum : struct, Enum => Optional<TEnum>(values, errors, field) ?? fallback;

    private static TEnum? Optional<TEnum>(Dictionary<string, string> values, Dictionary<string, string> errors, string field)
        where TEnum : struct, Enum
    {
        if (!values.TryGetValue(field, out var value))
        {
            return null;
        }

        if (WireNames.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = "choice";
        return null;
    }

    // "unknown" is what a newer release's stage reads as; nobody filters by it.
    private static CaseStage? Stage(Dictionary<string, string> values, Dictionary<string, string> errors)
    {
        var stage = Optional<CaseStage>(values, errors, "stage");
        if (stage == CaseStage.Unknown)
        {
            errors["stage"] = "choice";
            return null;
        }

        return stage;
    }

    private static string? Text(Dictionary<string, string> values, Dictionary<string, string> errors, string field)
    {
        if (!values.TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.Length > MaxTextLength)
        {
            errors[field] = "too-long";
            return null;
        }

        return value;
    }

    private static string? Known(Dictionary<string, string> values, Dictionary<string, string> errors, string field, Func<string, bool> exists)
    {
        if (!values.TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.Length <= MaxTextLength && exists(value))
        {
            return value;
        }

        errors[field] = "choice";
        return null;
    }

    // A checkbox sends "yes"; links and hand-written addresses may say true, on or 1.
    private static bool Flag(Dictionary<string, string> values, Dictionary<string, string> errors, string field)
    {
        if (!values.TryGetValue(field, out var value))
        {
            return false;
        }

        if (value.ToLowerInvariant() is "yes" or "true" or "on" or "1")
        {
            values[field] = "yes";
            return true;
        }

        errors[field] = "flag";
        return false;
    }

    private static DateOnly? Date(Dictionary<string, string> values, Dictionary<string, string> errors, string field)
    {
        if (!values.TryGetValue(field, out var value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = "date";
        return null;
    }

    private static int PageNumber(Dictionary<string, string> values, Dictionary<string, string> errors)
    {
        if (!values.TryGetValue("page", out var value))
        {
            return 1;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage)
        {
            return page;
        }

        errors["page"] = "page";
        return 1;
    }

    // The reassign answer's counts are only shown; a count that is not one is not shown.
    private static int? Count(IQueryCollection query, string name) =>
        int.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000 ? n : null;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
