using System.Globalization;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Workflow.Localization;

namespace ServerlessComplaints.Web.Staff;

/// <summary>
/// A staff page's query string read field by field (the queue's, the dashboard's): each field given, trimmed, kept as
/// given (a bad value included, so the form shows what was asked); each bad value an error code for its field, in the
/// order of the page's fields.
/// </summary>
internal sealed class QueryFields
{
    public const string DateFormat = "yyyy-MM-dd";

    private readonly IReadOnlyList<string> _order;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    private QueryFields(IReadOnlyList<string> order, Dictionary<string, string> values)
    {
        _order = order;
        Values = values;
    }

    /// <summary>Field → the value as given, trimmed; an empty field is not there.</summary>
    public Dictionary<string, string> Values { get; }

    public static QueryFields Read(IQueryCollection query, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (query[field].ToString().Trim() is { Length: > 0 } value)
            {
                values[field] = value;
            }
        }

        return new QueryFields(fields, values);
    }

    public bool HasError(string field) => _errors.ContainsKey(field);

    /// <summary>Marks the field bad (a later code for the same field replaces the earlier); returns null for the caller's value.</summary>
    public string? Fail(string field, string code)
    {
        _errors[field] = code;
        return null;
    }

    /// <summary>Marks the field bad unless it already is.</summary>
    public void FailOnce(string field, string code) => _errors.TryAdd(field, code);

    /// <summary>The errors in the order of the page's fields, as the form shows them.</summary>
    public Dictionary<string, string> Errors() =>
        _errors.OrderBy(e => IndexOf(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>A local date, <see cref="DateFormat"/>; otherwise the error "date".</summary>
    public DateOnly? Date(string field)
    {
        if (!Values.TryGetValue(field, out var value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail(field, "date");
        return null;
    }

    /// <summary>Free text up to <paramref name="maxLength"/> characters; otherwise the error "too-long".</summary>
    public string? Text(string field, int maxLength)
    {
        if (!Values.TryGetValue(field, out var value))
        {
            return null;
        }

        return value.Length <= maxLength ? value : Fail(field, "too-long");
    }

    /// <summary>One of an enum's wire names; otherwise the error "choice".</summary>
    public TEnum? Choice<TEnum>(string field)
        where TEnum : struct, Enum
    {
        if (!Values.TryGetValue(field, out var value))
        {
            return null;
        }

        if (WireNames.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        Fail(field, "choice");
        return null;
    }

    /// <summary>A value up to <paramref name="maxLength"/> characters that <paramref name="exists"/> knows; otherwise the error "choice".</summary>
    public string? Known(string field, int maxLength, Func<string, bool> exists)
    {
        if (!Values.TryGetValue(field, out var value))
        {
            return null;
        }

        return value.Length <= maxLength && exists(value) ? value : Fail(field, "choice");
    }

    private int IndexOf(string field)
    {
        for (var i = 0; i < _order.Count; i++)
        {
            if (_order[i] == field)
            {
                return i;
            }
        }

        return -1;
    }
}
