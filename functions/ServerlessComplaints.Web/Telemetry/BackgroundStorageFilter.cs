using System.Diagnostics;
using OpenTelemetry;

namespace ServerlessComplaints.Web.Telemetry;

/// <summary>
/// Drops storage calls that belong to no request, orchestration or activity — the engine's queue polling and lease
/// renewals, many a second — so traces hold the storage calls made for a case. A root span from an Azure SDK source is
/// marked not recorded as it starts; its children then follow it out (parent-based sampling).
/// </summary>
internal sealed class BackgroundStorageFilter : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Parent is null && data.ParentSpanId == default && data.Source.Name.StartsWith("Azure.", StringComparison.Ordinal))
        {
            data.IsAllDataRequested = false;
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
