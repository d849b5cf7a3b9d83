using System.Globalization;

namespace ServerlessComplaints.Benchmarks;

/// <summary>Command-line flags and the counts and repetitions they imply (full run under 10 minutes plus the staff workspace's seeding, --quick a few).</summary>
internal sealed record BenchmarkOptions
{
    public bool Quick { get; init; }

    public int Cases { get; init; } = 1_000;

    /// <summary>Cases per lifecycle run on the DurableTask.Core engine (tens of activities/s: 1,000 cases would take minutes).</summary>
    public int CoreCases => Quick ? 20 : Math.Min(Cases, 200);

    public int Repetitions => Quick ? 2 : 3;

    /// <summary>Open cases seeded for the staff workspace measurements (d).</summary>
    public int StaffCases { get; init; } = 10_000;

    /// <summary>Timed runs per staff workspace query.</summary>
    public int QueueRuns => Quick ? 10 : 30;

    /// <summary>Only the staff workspace measurements (d), for a quick look at the queue.</summary>
    public bool StaffOnly { get; init; }

    /// <summary>Cases over a year whose aggregates are seeded for the dashboard measurements (g).</summary>
    public int DashboardCases { get; init; } = 100_000;

    /// <summary>Only the dashboard measurements (g).</summary>
    public bool DashboardOnly { get; init; }

    /// <summary>Lifecycle runs on the engine (a full one of 200 cases takes minutes, so the full run does one).</summary>
    public int WorkflowRepetitions => Quick ? 2 : 1;

    public int BaselineRepetitions => Quick ? 3 : 5;

    public int SequentialUpserts => Quick ? 150 : 600;

    public int ParallelUpserts => Quick ? 400 : 2_000;

    public TimeSpan ThroughputDuration => TimeSpan.FromSeconds(Quick ? 2 : 5);

    public TimeSpan LatencyDuration => TimeSpan.FromSeconds(Quick ? 3 : 10);

    public int Timers => Quick ? 40 : 200;

    public TimeSpan TimerSpread => TimeSpan.FromSeconds(Quick ? 2 : 10);

    /// <summary>Cases in the no-stall burst (issue 16 item 2).</summary>
    public int StallCases { get; init; } = 1_000;

    /// <summary>Runs the burst first with the backend's own control-queue batching, for the before/after.</summary>
    public bool StallBefore { get; init; }

    /// <summary>Only the case progression latency (g).</summary>
    public bool ProgressOnly { get; init; }

    /// <summary>Only the memory per waiting complaint (e).</summary>
    public bool MemoryOnly { get; init; }

    /// <summary>Waiting cases seeded for (e), at most as many as five minutes of intake allow.</summary>
    public int MemoryCases { get; init; } = 1_000;

    /// <summary>Only the engine's figures: (a) baseline, (b) intake, (c) lifecycle with storage requests per activity, (f) timers, (g) progression.</summary>
    public bool EngineOnly { get; init; }

    /// <summary>Only two nodes against one (h).</summary>
    public bool NodesOnly { get; init; }

    /// <summary>Cases per node-count run in (h).</summary>
    public int NodeCases => Quick ? 20 : 100;

    /// <summary>New cases a second in the no-stall run (a steady arrival, not one burst); 0 for one burst.</summary>
    public double StallRate { get; init; } = 2;

    /// <summary>Only the no-stall burst.</summary>
    public bool StallOnly { get; init; }

    /// <summary>The no-stall run with extended sessions (orchestrations kept in memory between episodes) for this many seconds idle; 0 for off.</summary>
    public int StallSessionSeconds { get; init; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = new BenchmarkOptions { Quick = quick, Cases = quick ? 30 : 1_000, StaffCases = quick ? 1_000 : 10_000, DashboardCases = quick ? 5_000 : 100_000, StallCases = quick ? 100 : 1_000, MemoryCases = quick ? 200 : 1_000 };
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--cases" => options with { Cases = Count(args, ++i) },
                "--staff-cases" => options with { StaffCases = Count(args, ++i) },
                "--staff-only" => options with { StaffOnly = true },
                "--dashboard-cases" => options with { DashboardCases = Count(args, ++i) },
                "--dashboard-only" => options with { DashboardOnly = true },
                "--stall-cases" => options with { StallCases = Count(args, ++i) },
                "--stall-only" => options with { StallOnly = true },
                "--progress-only" => options with { ProgressOnly = true },
                "--stall-before" => options with { StallBefore = true },
                "--stall-rate" => options with { StallRate = Rate(args, ++i) },
                "--stall-sessions" => options with { StallSessionSeconds = Count(args, ++i) },
                "--memory-only" => options with { MemoryOnly = true },
                "--memory-cases" => options with { MemoryCases = Count(args, ++i) },
                "--nodes-only" => options with { NodesOnly = true },
                "--engine-only" => options with { EngineOnly = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Flags: --quick, --cases N, --staff-cases N, --staff-only, --dashboard-cases N, --dashboard-only, --stall-cases N, --stall-only, --stall-before, --stall-rate R, --stall-sessions S, --progress-only, --memory-only, --memory-cases N, --nodes-only, --engine-only."),
            };
        }

        return options;
    }

    private static double Rate(string[] args, int i) =>
        i < args.Length && double.TryParse(args[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 1_000
            ? r
            : throw new ArgumentException($"{args[i - 1]} needs a positive number (new cases a second, e.g. 0.5).");

    private static int Count(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");
}
