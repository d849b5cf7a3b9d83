using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// A <see cref="ComplaintRecord"/> as a table row: the queried fields as columns and the whole record as JSON,
/// split into chunks because one string property holds at most 64 KiB (32K UTF-16 characters).
/// </summary>
internal static class ComplaintEntity
{
    public const int MaxChunkLength = 30_000;

    private const string JsonColumn = "Json";
    private const string ChunkCountColumn = "JsonChunks";

    public static TableEntity From(ComplaintRecord record)
    {
        var details = record.Details;
        var entity = new TableEntity(TableKeys.ComplaintPartition(record.TrackingNumber), TableKeys.Escape(record.TrackingNumber))
        {
            ["Stage"] = WireName(record.Stage),
            ["Kind"] = WireName(details.Kind),
            ["Category"] = WireName(details.Category),
            ["Urgency"] = (int)record.Urgency,
            ["LegalHold"] = record.LegalHold,
            ["ReceivedAtUtc"] = AsUtc(details.ReceivedAtUtc),
        };

        // The queue's columns, so the staff queue can check a case without reading its JSON.
        entity["Subject"] = details.Subject;
        entity["CustomerName"] = details.Customer.Name;
        entity["EscalationLevel"] = record.EscalationLevel;
        entity["ReceivedTicks"] = AsUtc(details.ReceivedAtUtc)!.Value.UtcTicks;
        SetIfPresent(entity, "Location", details.Location);
        SetIfPresent(entity, "OwnerId", record.OwnerId);
        SetIfPresent(entity, "DepartmentId", record.DepartmentId);
        if (AsUtc(record.DueAtUtc) is { } due)
        {
            entity["DueTicks"] = due.UtcTicks;
        }

        // An absent column, not a null one: a filter on it then simply does not match.
        SetIfPresent(entity, "DueAtUtc", AsUtc(record.DueAtUtc));
        SetIfPresent(entity, "ClosedAtUtc", AsUtc(record.ClosedAtUtc));
        SetIfPresent(entity, "RetainUntilUtc", AsUtc(record.RetainUntilUtc));

        var json = JsonSerializer.Serialize(record, WorkflowJson.Options);
        if (json.Length <= MaxChunkLength)
        {
            entity[JsonColumn] = json;
            return entity;
        }

        var chunks = Split(json);
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[JsonColumn + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }

        entity[ChunkCountColumn] = chunks.Count;
        return entity;
    }

    public static ComplaintRecord ToRecord(TableEntity entity)
    {
        var json = entity.GetString(JsonColumn);
        if (json is null)
        {
            var count = entity.GetInt32(ChunkCountColumn)
                ?? throw new InvalidDataException($"Complaint row '{entity.RowKey}' has no JSON.");
            var joined = new StringBuilder(count * MaxChunkLength);
            for (var i = 0; i < count; i++)
            {
                joined.Append(entity.GetString(JsonColumn + i.ToString(CultureInfo.InvariantCulture))
                    ?? throw new InvalidDataException($"Complaint row '{entity.RowKey}' lacks JSON chunk {i}."));
            }

            json = joined.ToString();
        }

        return JsonSerializer.Deserialize<ComplaintRecord>(json, WorkflowJson.Options)
            ?? throw new InvalidDataException($"Complaint row '{entity.RowKey}' holds no record.");
    }

    /// <summary>The wire name of an enum value ("product-quality", "follow-up"), as stored in columns and filters.</summary>
    public static string WireName<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, WorkflowJson.Options).Trim('"');

    /// <summary>Tables store UTC only; the records' times are UTC whatever their <see cref="DateTime.Kind"/> says.</summary>
    public static DateTimeOffset? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime()),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc)),
    };

    private static void SetIfPresent(TableEntity entity, string column, DateTimeOffset? value)
    {
        if (value is { } present)
        {
            entity[column] = present;
        }
    }

    private static void SetIfPresent(TableEntity entity, string column, string? value)
    {
        if (value is not null)
        {
            entity[column] = value;
        }
    }

    internal static List<string> Split(string json)
    {
        var chunks = new List<string>(json.Length / MaxChunkLength + 1);
        for (var start = 0; start < json.Length;)
        {
            var length = Math.Min(MaxChunkLength, json.Length - start);

            // A surrogate pair split over two properties would not survive the trip as UTF-8.
            if (start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }

            chunks.Add(json.Substring(start, length));
            start += length;
        }

        return chunks;
    }
}
