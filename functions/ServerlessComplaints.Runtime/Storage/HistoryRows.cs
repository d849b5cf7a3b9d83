using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using ServerlessComplaints.Runtime.History;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Runtime.Storage;

/// <summary>Maps instances, history episodes, inbox events, timers and activity work to table entities and back.</summary>
internal static class HistoryRows
{
    private const string Events = "Events";

    // Relaxed escaping: payloads are JSON already, and escaping their quotes as \u0022 would triple their size in the row.
    private static readonly JsonSerializerOptions EventJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TableEntity Instance(InstanceRecord instance, long version)
    {
        var entity = new TableEntity(instance.InstanceId, HistoryRowKeys.Instance)
        {
            ["Name"] = instance.Name,
            ["Status"] = instance.Status.ToString(),
            ["CreatedAtUtc"] = Utc(instance.CreatedAtUtc),
            ["LastUpdatedAtUtc"] = Utc(instance.LastUpdatedAtUtc),
            ["Version"] = version,
        };
        ChunkedColumns.Write(entity, nameof(InstanceRecord.InputJson), instance.InputJson);
        ChunkedColumns.Write(entity, nameof(InstanceRecord.CustomStatusJson), instance.CustomStatusJson);
        ChunkedColumns.Write(entity, nameof(InstanceRecord.OutputJson), instance.OutputJson);
        ChunkedColumns.Write(entity, nameof(InstanceRecord.Failure), instance.Failure);
        ChunkedColumns.EnsureFits(entity, $"The instance row of '{instance.InstanceId}'");
        return entity;
    }

    public static InstanceRecord ToInstance(TableEntity entity) =>
        new(
            entity.PartitionKey,
            entity.GetString("Name"),
            Enum.Parse<WorkflowRuntimeStatus>(entity.GetString("Status")),
            ChunkedColumns.Read(entity, nameof(InstanceRecord.InputJson)),
            entity.GetDateTimeOffset("CreatedAtUtc")!.Value.UtcDateTime,
            entity.GetDateTimeOffset("LastUpdatedAtUtc")!.Value.UtcDateTime,
            ChunkedColumns.Read(entity, nameof(InstanceRecord.CustomStatusJson)),
            ChunkedColumns.Read(entity, nameof(InstanceRecord.OutputJson)),
            ChunkedColumns.Read(entity, nameof(InstanceRecord.Failure)),
            entity.GetInt64("Version") ?? 0)
        {
            ETag = entity.ETag.ToString(),
        };

    public static TableEntity Episode(string instanceId, long number, IReadOnlyList<HistoryEvent> events)
    {
        var entity = new TableEntity(instanceId, HistoryRowKeys.Episode(number)) { ["EventCount"] = events.Count };
        ChunkedColumns.Write(entity, Events, JsonSerializer.Serialize(events, EventJson));
        ChunkedColumns.EnsureFits(entity, $"Episode {number} of '{instanceId}' ({events.Count} events)");
        return entity;
    }

    public static IReadOnlyList<HistoryEvent> EpisodeEvents(TableEntity entity) =>
        JsonSerializer.Deserialize<List<HistoryEvent>>(ChunkedColumns.Read(entity, Events) ?? "[]", EventJson) ?? [];

    public static TableEntity Inbox(string instanceId, HistoryEvent e)
    {
        var entity = new TableEntity(instanceId, HistoryRowKeys.NewInbox()) { ["Type"] = e.Type.ToString() };
        ChunkedColumns.Write(entity, Events, JsonSerializer.Serialize(e, EventJson));
        ChunkedColumns.EnsureFits(entity, $"The {e.Type} event for '{instanceId}'");
        return entity;
    }

    public static HistoryEvent InboxEvent(TableEntity entity) =>
        JsonSerializer.Deserialize<HistoryEvent>(ChunkedColumns.Read(entity, Events)!, EventJson)
        ?? throw new InvalidDataException($"Inbox row {entity.RowKey} of '{entity.PartitionKey}' holds no event.");

    public static TableEntity Timer(PendingTimer timer) =>
        new(timer.InstanceId, HistoryRowKeys.Timer(timer.TaskId)) { ["FireAtUtc"] = Utc(timer.FireAtUtc) };

    // Table DateTime values keep 100 ns ticks, so the timer comes back exactly as it was scheduled.
    public static PendingTimer ToTimer(TableEntity entity) =>
        new(entity.PartitionKey, HistoryRowKeys.TaskId(entity.RowKey), entity.GetDateTimeOffset("FireAtUtc")!.Value.UtcDateTime);

    public static TableEntity Activity(PendingActivity work)
    {
        var entity = new TableEntity(work.InstanceId, HistoryRowKeys.Activity(work.TaskId)) { ["Name"] = work.Name };
        ChunkedColumns.Write(entity, nameof(PendingActivity.InputJson), work.InputJson);
        ChunkedColumns.EnsureFits(entity, $"The input of activity '{work.Name}' of '{work.InstanceId}'");
        return entity;
    }

    public static PendingActivity ToActivity(TableEntity entity) =>
        new(entity.PartitionKey, HistoryRowKeys.TaskId(entity.RowKey), entity.GetString("Name"), ChunkedColumns.Read(entity, nameof(PendingActivity.InputJson)));

    // Timestamps are UTC throughout the runtime; SpecifyKind keeps an Unspecified value from being read as local time.
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
