namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>
/// <c>--verbose</c>: the request, hosting and Durable worker logs that appsettings.json keeps at Warning (the start-up
/// banner and the service's own lines stay readable) come back at Information. They go before the other arguments, so
/// an explicit <c>--Logging:LogLevel:…</c> still wins.
/// </summary>
internal static class ConsoleVerbosity
{
    public const string Flag = "--verbose";

    private static readonly string[] QuietByDefault = ["Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "Microsoft.DurableTask"];

    public static string[] Apply(string[] args) =>
        args.Contains(Flag)
            ? [.. QuietByDefault.SelectMany(category => new[] { $"--Logging:LogLevel:{category}", "Information" }), .. args.Where(a => a != Flag)]
            : args;
}
