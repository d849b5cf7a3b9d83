using System.Collections;
using System.Globalization;

namespace ServerlessComplaints.Workflow.Diagnostics;

/// <summary>Log state or scope with its credentials masked: the structured values and the formatted text alike.</summary>
public sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly IReadOnlyList<KeyValuePair<string, object?>> _values;
    private readonly string _text;

    private RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string text)
    {
        _values = values;
        _text = text;
    }

    public int Count => _values.Count;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>The masked copy of a state whose text or values hold a credential; null when there is none.</summary>
    public static RedactedLogState? TryRedact<TState>(TState state, string? text)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>>;
        var leaks = CredentialRedactor.HasCredential(text) || (values?.Any(v => CredentialRedactor.HasCredential(TextOf(v.Value))) ?? false);
        return leaks ? Of(state, text) : null;
    }

    /// <summary>A masked copy of the state (values that are not plain numbers or flags are kept as masked text).</summary>
    public static RedactedLogState Of<TState>(TState state, string? text)
    {
        var values = (state as IEnumerable<KeyValuePair<string, object?>>)?
            .Select(v => new KeyValuePair<string, object?>(v.Key, CredentialRedactor.HasCredential(TextOf(v.Value)) ? CredentialRedactor.Redact(TextOf(v.Value)) : v.Value))
            .ToList() ?? [];
        return new RedactedLogState(values, CredentialRedactor.Redact(text));
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _text;

    // PathString, QueryString, Uri and the like show their credential through ToString.
    private static string? TextOf(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
