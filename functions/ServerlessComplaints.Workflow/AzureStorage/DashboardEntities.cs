using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Localization;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Rows of <c>{prefix}Dashboard</c>. Partition: the Monday of the week of receipt (<c>yyyy-MM-dd</c>). In it, cells
/// of summed measures — <c>w|{dept}|{category}|{location}</c> for the week and <c>d|{dept}|{category}|{location}|{date}</c>
/// per day, every dimension either a value (<c>=...</c>, <c>-</c> for none) or <c>*</c> (all), so each of the eight
/// filter combinations is one row — and a <c>case|{tracking}</c> row per case with the contribution last applied and
/// the record version it came from.
/// </summary>
internal static class DashboardEntities
{
    public const string MeasuresColumn = "M";
    public const string VersionColumn = "Version";
    public const string ContributionColumn = "Contribution";
    private const string ChunkCountColumn = "MChunks";
    private const string All = "*";

    public static string Partition(DateOnly weekStart) => weekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string CaseKey(string trackingNumber) => "case|" + TableKeys.Escape(trackingNumber);

    /// <summary>The sixteen cells a contribution adds to: week and day, for every subset of its dimensions.</summary>
    public static IEnumerable<string> Cells(DashboardContribution c)
    {
        var date = Date(c.ReceivedOn);
        for (var mask = 0; mask < 8; mask++)
        {
            var dims = Dims((mask & 1) != 0 ? Dim(c.DepartmentId) : All, (mask & 2) != 0 ? WireNames.Of(c.Category) : All, (mask & 4) != 0 ? Dim(c.Location) : All);
            yield return "w|" + dims;
            yield return "d|" + dims + "|" + date;
        }
    }

    /// <summary>The dimensions part of the cells a filter reads.</summary>
    public static string FilterDims(DashboardFilter filter) => Dims(
        filter.DepartmentId is null ? All : Dim(filter.DepartmentId),
        filter.Category is { } category ? WireNames.Of(category) : All,
        filter.Location is null ? All : Dim(filter.Location));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, decimal> Measures(TableEntity cell)
    {
        var json = cell.GetString(MeasuresColumn);
        if (json is null && cell.GetInt32(ChunkCountColumn) is { } count)
        {
            var joined = new StringBuilder(count * ComplaintEntity.MaxChunkLength);
            for (var i = 0; i < count; i++)
            {
                joined.Append(cell.GetString(MeasuresColumn + i.ToString(CultureInfo.InvariantCulture)));
            }

            json = joined.ToString();
        }

        return json is null ? new(StringComparer.Ordinal) : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? new(StringComparer.Ordinal);
    }

    public static TableEntity Cell(string partition, string rowKey, IReadOnlyDictionary<string, decimal> measures)
    {
        var entity = new TableEntity(partition, rowKey);
        var json = JsonSerializer.Serialize(measures);
        if (json.Length <= ComplaintEntity.MaxChunkLength)
        {
            entity[MeasuresColumn] = json;
            return entity;
        }

        // Root causes are free text: a busy week's cell may outgrow one string property.
        var chunks = ComplaintEntity.Split(json);
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[MeasuresColumn + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }

        entity[ChunkCountColumn] = chunks.Count;
        return entity;
    }

    public static TableEntity CaseRow(string partition, string trackingNumber, DashboardContribution contribution, long version) => new(partition, CaseKey(trackingNumber))
    {
        [VersionColumn] = version,
        [ContributionColumn] = JsonSerializer.Serialize(new StoredContribution(
            Date(contribution.ReceivedOn), contribution.DepartmentId, WireNames.Of(contribution.Category), contribution.Location, contribution.Measures)),
    };

    public static (long Version, DashboardContribution Contribution) FromCaseRow(TableEntity row)
    {
        var stored = JsonSerializer.Deserialize<StoredContribution>(row.GetString(ContributionColumn) ?? "null")
            ?? throw new InvalidDataException($"Dashboard row '{row.RowKey}' holds no contribution.");
        var contribution = new DashboardContribution(
            DateOnly.ParseExact(stored.ReceivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), stored.DepartmentId,
            WireNames.ValueOf<Category>(stored.Category), stored.Location, stored.Measures);
        return (row.GetInt64(VersionColumn) ?? 0, contribution);
    }

    private static string Dims(string department, string category, string location) => department + "|" + category + "|" + location;

    // Escaped so that a value can hold neither '|' (the separator) nor a character a key forbids.
    private static string Dim(string? value) => value switch
    {
        null => "-",
        "" => "=",
        _ => "=" + TableKeys.Escape(value).Replace("|", "%7C", StringComparison.Ordinal),
    };

    private sealed record StoredContribution(string ReceivedOn, string? DepartmentId, string Category, string? Location, IReadOnlyDictionary<string, decimal> Measures);
}
