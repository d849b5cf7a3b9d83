using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ServerlessComplaints.Benchmarks;

/// <summary>The header: when and where the figures were measured.</summary>
internal static class MachineInfo
{
    public static void Print(ReportWriter report, BenchmarkOptions options, string repositoryRoot)
    {
        report.Title("ServerlessComplaints benchmark (issue 4)");
        report.Line($"Date:     {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        report.Line($"Machine:  {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGb()} memory, {OsName()}");
        report.Line($"Runtime:  {RuntimeInformation.FrameworkDescription}, workstation GC; Azurite {AzuriteVersion(repositoryRoot)} (in memory, free ports)");
        report.Line($"Mode:     {(options.Quick ? "quick (smoke run, small counts)" : "full")}; figures are medians of the repetitions named on each line");
    }

    private static string CpuModel() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryGb()
    {
        var kb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var bytes = kb is null ? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes : long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        return ReportWriter.Number(bytes / 1024d / 1024 / 1024, 1) + " GB";
    }

    private static string OsName()
    {
        var pretty = ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"');
        var description = RuntimeInformation.OSDescription;
        return pretty is null || description.Contains(pretty, StringComparison.Ordinal) ? description : $"{pretty} ({description})";
    }

    private static string AzuriteVersion(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "node_modules", "azurite", "package.json");
        if (!File.Exists(path))
        {
            return "(version unknown)";
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("version").GetString() ?? "(version unknown)";
    }

    private static string[] ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}
