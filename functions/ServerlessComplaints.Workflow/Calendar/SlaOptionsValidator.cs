using Microsoft.Extensions.Options;

namespace ServerlessComplaints.Workflow.Calendar;

/// <summary>Plugs <see cref="SlaOptions.Validate"/> into the options pipeline so <c>ValidateOnStart</c> fails fast.</summary>
public sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
