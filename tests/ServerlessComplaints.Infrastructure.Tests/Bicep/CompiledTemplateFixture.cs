namespace ServerlessComplaints.Infrastructure.Tests.Bicep;

/// <summary>Builds and lints infra/main.bicep once for all template tests (each takes a few seconds).</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private readonly string _outputDirectory = Path.Combine(Path.GetTempPath(), "sc-bicep-" + Guid.NewGuid().ToString("N")[..12]);
    private ArmTemplate? _template;

    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    internal ArmTemplate Template =>
        _template ?? throw new InvalidOperationException("infra/main.bicep did not compile: " + Build);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_outputDirectory);
        var compiled = Path.Combine(_outputDirectory, "main.json");
        var main = RepositoryFiles.PathOf("infra/main.bicep");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Build and lint are independent: run them side by side.
        var build = BicepCli.RunAsync(["build", main, "--outfile", compiled], cancellation.Token);
        var lint = BicepCli.RunAsync(["lint", main], cancellation.Token);
        Build = await build;
        Lint = await lint;

        if (Build.ExitCode == 0 && File.Exists(compiled))
        {
            _template = new ArmTemplate(await File.ReadAllTextAsync(compiled, cancellation.Token));
        }
    }

    public Task DisposeAsync()
    {
        _template?.Dispose();
        Directory.Delete(_outputDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
