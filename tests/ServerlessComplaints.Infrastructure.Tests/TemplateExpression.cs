using System.Text.RegularExpressions;

namespace ServerlessComplaints.Infrastructure.Tests;

/// <summary>Evaluates the one conditional shape the templates use for network isolation: <c>[if(parameters('p'), 'a', 'b')]</c>.</summary>
internal static partial class TemplateExpression
{
    public static string? Choose(string? expression, bool condition)
    {
        var match = expression is null ? Match.Empty : Conditional().Match(expression);
        Assert.True(match.Success, "Not a conditional on networkIsolation: " + expression);
        return condition ? match.Groups["then"].Value : match.Groups["else"].Value;
    }

    [GeneratedRegex(@"^\[if\(parameters\('networkIsolation'\), '(?<then>[^']*)', '(?<else>[^']*)'\)\]$")]
    private static partial Regex Conditional();
}
