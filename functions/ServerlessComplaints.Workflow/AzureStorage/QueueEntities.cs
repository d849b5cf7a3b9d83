using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Rows of the queue projection. Each case has a row per scope partition (<c>open|all</c>, <c>open|o|{owner}</c>,
/// <c>open|d|{department}</c>; <c>closed|…</c> once closed) and per order, the row key sorting as the queue does:
/// <c>D|{due ticks}|{tracking}</c> (no deadline last), <c>R|{inverted receipt ticks}|{tracking}</c> (newest first),
/// <c>E|{99 − escalation}|{due ticks}|{tracking}</c>. A page for any scope in any order is then a range read of about
/// a page of rows; a case's three rows in one partition change together in one transaction.
/// </summary>
internal static class QueueEntities
{
    public const string AllScope = "all";

    private const string NoDue = "9999999999999999999";
    private const int MaxEscalationInKey = 99;

    /// <summary>The columns of a complaint row that make a <see cref="QueueCase"/> without its JSON.</summary>
    public static readonly IReadOnlyList<string> ComplaintColumns =
    [
        "Stage", "Kind", "Category", "Urgency", "ReceivedAtUtc", "DueAtUtc", "ClosedAtUtc", "Subject", "CustomerName",
        "Location", "OwnerId", "DepartmentId", "EscalationLevel", "Version", "ReceivedTicks", "DueTicks",
    ];

    public static string Partition(bool open, string scope) => (open ? "open|" : "closed|") + scope;

    public static string OwnerScope(string ownerId) => "o|" + TableKeys.Escape(Key(ownerId)!);

    public static string DepartmentScope(string departmentId) => "d|" + TableKeys.Escape(Key(departmentId)!);

    public static string SortPrefix(QueueSort sort) => sort switch
    {
        QueueSort.Received => "R|",
        QueueSort.Escalation => "E|",
        _ => "D|",
    };

    public static string Ticks(DateTime utc) => utc.Ticks.ToString("D19", CultureInfo.InvariantCulture);

    public static string InvertedTicks(DateTime utc) => (DateTime.MaxValue.Ticks - utc.Ticks).ToString("D19", CultureInfo.InvariantCulture);

    public static string DueKey(DateTime? due) => due is { } d ? Ticks(d) : NoDue;

    public static string RowKey(QueueSort sort, QueueCase c) => SortPrefix(sort) + sort switch
    {
        QueueSort.Received => InvertedTicks(c.ReceivedAtUtc),
        QueueSort.Escalation => (MaxEscalationInKey - Math.Clamp(c.EscalationLevel, 0, MaxEscalationInKey)).ToString("D2", CultureInfo.InvariantCulture) + "|" + DueKey(c.DueAtUtc),
        _ => DueKey(c.DueAtUtc),
    } + "|" + TableKeys.Escape(c.TrackingNumber);

    /// <summary>Every row the case has in the projection (three orders in each of up to three scope partitions).</summary>
    public static IReadOnlyList<TableEntity> Rows(QueueCase c)
    {
        var scopes = new List<string>(3) { AllScope };
        if (!string.IsNullOrWhiteSpace(c.OwnerId))
        {
            scopes.Add(OwnerScope(c.OwnerId));
        }

        if (!string.IsNullOrWhiteSpace(c.DepartmentId))
        {
            scopes.Add(DepartmentScope(c.DepartmentId));
        }

        return [.. from scope in scopes
                   from sort in new[] { QueueSort.Due, QueueSort.Received, QueueSort.Escalation }
                   select Row(Partition(c.Open, scope), RowKey(sort, c), c)];
    }

    public static QueueCase ToCase(TableEntity row) => Read(row, row.GetString("TrackingNumber") ?? "", row.GetBoolean("Open") ?? true);

    /// <summary>The case from a complaint row's columns; null for a row written before the columns existed.</summary>
    public static QueueCase? FromComplaintRow(TableEntity row, string trackingNumber)
    {
        if (row.GetString("Subject") is null || row.GetInt64("Version") is null)
        {
            return null;
        }

        var stage = Parse<CaseStage>(row.GetString("Stage"));
        var open = row.GetDateTimeOffset("ClosedAtUtc") is null && stage is not (CaseStage.Closed or CaseStage.Archived);
        return Read(row, trackingNumber, open);
    }

    /// <summary>A lowercase, trimmed location: the column a location filter compares with.</summary>
    public static string? LocationKey(string? location) => Key(location);

    /// <summary>Lowercase and trimmed, as filters compare owner, department and location (ids are case-insensitive).</summary>
    public static string? Key(string? value) => QueueSelection.Key(value);

    private static TableEntity Row(string partition, string rowKey, QueueCase c)
    {
        var row = new TableEntity(partition, rowKey)
        {
            ["TrackingNumber"] = c.TrackingNumber,
            ["Kind"] = ComplaintEntity.WireName(c.Kind),
            ["Category"] = ComplaintEntity.WireName(c.Category),
            ["Subject"] = c.Subject,
            ["CustomerName"] = c.CustomerName,
            ["Stage"] = ComplaintEntity.WireName(c.Stage),
            ["EscalationLevel"] = c.EscalationLevel,
            ["Urgency"] = (int)c.Urgency,
            ["ReceivedAtUtc"] = ComplaintEntity.AsUtc(c.ReceivedAtUtc),
            ["ReceivedTicks"] = c.ReceivedAtUtc.Ticks,
            ["Open"] = c.Open,
            ["Version"] = c.Version,
        };
        Set(row, "Location", c.Location);
        Set(row, "LocationKey", LocationKey(c.Location));
        Set(row, "OwnerId", c.OwnerId);
        Set(row, "OwnerKey", Key(c.OwnerId));
        Set(row, "DepartmentId", c.DepartmentId);
        Set(row, "DepartmentKey", Key(c.DepartmentId));
        if (ComplaintEntity.AsUtc(c.DueAtUtc) is { } due)
        {
            row["DueAtUtc"] = due;
            row["DueTicks"] = due.UtcTicks;
        }

        return row;
    }

    private static QueueCase Read(TableEntity row, string trackingNumber, bool open) => new(
        trackingNumber,
        Parse<ComplaintKind>(row.GetString("Kind")),
        Parse<Category>(row.GetString("Category")),
        row.GetString("Subject") ?? "",
        row.GetString("CustomerName") ?? "",
        row.GetString("Location"),
        Parse<CaseStage>(row.GetString("Stage")),
        row.GetString("OwnerId"),
        row.GetString("DepartmentId"),
        row.GetInt32("EscalationLevel") ?? 0,
        (Urgency)(row.GetInt32("Urgency") ?? 0),
        Instant(row, "ReceivedTicks", "ReceivedAtUtc") ?? DateTime.MinValue,
        Instant(row, "DueTicks", "DueAtUtc"),
        open,
        row.GetInt64("Version") ?? 0);

    // Table times may lose sub-millisecond digits; the ticks column keeps the instant exact.
    private static DateTime? Instant(TableEntity row, string ticksColumn, string timeColumn) =>
        row.GetInt64(ticksColumn) is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : row.GetDateTimeOffset(timeColumn)?.UtcDateTime;

    public static CaseStage Stage(string? wireName) => Parse<CaseStage>(wireName);

    private static T Parse<T>(string? wireName)
        where T : struct, Enum =>
        wireName is null ? default : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(wireName), WorkflowJson.Options);

    private static void Set(TableEntity row, string column, string? value)
    {
        if (value is not null)
        {
            row[column] = value;
        }
    }
}
