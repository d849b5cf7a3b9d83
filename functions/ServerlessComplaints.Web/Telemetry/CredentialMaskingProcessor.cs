using System.Diagnostics;
using OpenTelemetry;
using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Web.Telemetry;

/// <summary>
/// Masks the action, evidence and status-link credentials (<see cref="CredentialRedactor"/>) in every span's name and
/// string attributes before any exporter sees the span: <c>url.path</c> of <c>/actions/{token}</c>, a <c>url.full</c>.
/// </summary>
internal sealed class CredentialMaskingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (CredentialRedactor.HasCredential(data.DisplayName))
        {
            data.DisplayName = CredentialRedactor.Redact(data.DisplayName);
        }

        List<KeyValuePair<string, string>>? masked = null;
        foreach (var (key, value) in data.TagObjects)
        {
            if (value is string text && CredentialRedactor.HasCredential(text))
            {
                (masked ??= []).Add(new(key, CredentialRedactor.Redact(text)));
            }
        }

        foreach (var (key, value) in masked ?? [])
        {
            data.SetTag(key, value);
        }
    }
}
