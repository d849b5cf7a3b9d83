namespace ServerlessComplaints.Infrastructure.Tests.Bicep;

/// <summary>One Bicep CLI invocation: its exit code and its combined stdout and stderr.</summary>
internal sealed record BicepRun(string Command, int ExitCode, string Output)
{
    /// <summary>Diagnostic lines ("file(line,col) : Warning rule: ...") and any other line naming a warning or error.</summary>
    public IReadOnlyList<string> Diagnostics =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("Warning", StringComparison.OrdinalIgnoreCase) || l.Contains("Error", StringComparison.OrdinalIgnoreCase))
            .ToList();

    public override string ToString() => $"bicep {Command} exited {ExitCode}:\n{Output}";
}
