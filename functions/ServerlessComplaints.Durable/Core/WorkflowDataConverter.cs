using Microsoft.DurableTask.Converters;
using ServerlessComplaints.Workflow.Orchestration;
using CoreDataConverter = DurableTask.Core.Serializing.DataConverter;

namespace ServerlessComplaints.Durable.Core;

/// <summary>
/// One JSON setting on both sides of the hub: TaskHubClient (Newtonsoft by default) writes inputs and events with the
/// same System.Text.Json options (<see cref="WorkflowJson"/>) the shim reads them with, and the shim writes output and
/// custom status with them.
/// </summary>
internal sealed class WorkflowDataConverter : CoreDataConverter
{
    /// <summary>The shim's converter (DurableTaskWorkerOptions.DataConverter).</summary>
    public static readonly JsonDataConverter Shim = new(WorkflowJson.Options);

    /// <summary>The client's converter.</summary>
    public static readonly WorkflowDataConverter Client = new();

    public override string Serialize(object value) => value is SerializedJson json ? json.Json : Shim.Serialize(value)!;

    public override string Serialize(object value, bool formatted) => Serialize(value);

    public override object Deserialize(string data, Type objectType) => Shim.Deserialize(data, objectType)!;
}

/// <summary>A value already serialized (an instance's stored input, when a failed case starts again): written as it is.</summary>
internal sealed record SerializedJson(string Json);
