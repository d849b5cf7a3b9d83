namespace ServerlessComplaints.Workflow.Diagnostics;

/// <summary>Stands in for a logged exception whose text holds a credential: the same type name, message and stack, masked.</summary>
public sealed class RedactedException(Exception original)
    : Exception(CredentialRedactor.Redact(original.Message))
{
    /// <summary>The full type name of the exception this one stands in for.</summary>
    public string OriginalType { get; } = original.GetType().FullName ?? original.GetType().Name;

    public override string? StackTrace => CredentialRedactor.Redact(original.StackTrace);

    public override string ToString() => CredentialRedactor.Redact(original.ToString());
}
