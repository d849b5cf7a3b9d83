using System.Globalization;

namespace ServerlessComplaints.Benchmarks;

/// <summary>Prints the figures as they are measured and collects the targets for the summary at the end.</summary>
internal sealed class ReportWriter(TextWriter output)
{
    private readonly List<(string Target, string Measured, bool Met)> _targets = [];

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Percent(double ratio, int decimals = 0) => Number(ratio * 100, decimals) + " %";

    public static string Runs(int repetitions) => repetitions == 1 ? "one run" : $"median of {repetitions}";

    public void Title(string text)
    {
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
    }

    public void Section(string title)
    {
        output.WriteLine();
        output.WriteLine(title);
    }

    public void Figure(string label, string value, string? note = null) =>
        output.WriteLine($"    {label,-44} {value,-16}{(note is null ? "" : " " + note)}");

    public void Note(string text) => output.WriteLine("    · " + text);

    public void Target(string target, string measured, bool met)
    {
        _targets.Add((target, measured, met));
        output.WriteLine($"    target: {target} → {measured}: {(met ? "met" : "NOT met")}");
    }

    public void Targets()
    {
        Section("Targets");
        foreach (var (target, measured, met) in _targets)
        {
            output.WriteLine($"    {(met ? "met    " : "NOT met")}  {target,-60} {measured}");
        }
    }

    public void Line(string text = "") => output.WriteLine(text);
}
