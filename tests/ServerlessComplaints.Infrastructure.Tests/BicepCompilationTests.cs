using ServerlessComplaints.Infrastructure.Tests.Bicep;

namespace ServerlessComplaints.Infrastructure.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepCompilationTests(CompiledTemplateFixture fixture)
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutWarningsOrErrors()
    {
        var build = fixture.Build;

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(build.Diagnostics.Count == 0, build.ToString());
    }

    [Fact]
    public void Lint_MainBicep_ReportsNothing()
    {
        var lint = fixture.Lint;

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.True(lint.Diagnostics.Count == 0, lint.ToString());
    }

    [Fact]
    public void Build_MainBicep_TargetsSubscriptionAndCreatesResourceGroup()
    {
        var template = fixture.Template;

        var schema = template.Root.Template.GetProperty("$schema").GetString();
        var resourceGroup = template.Single("Microsoft.Resources/resourceGroups");

        Assert.Contains("subscriptionDeploymentTemplate", schema, StringComparison.Ordinal);
        Assert.Equal(template.Root, resourceGroup.Scope);
    }

    [Fact]
    public void Build_MainBicep_UsesNoRegistryModules()
    {
        var sources = Directory.EnumerateFiles(RepositoryFiles.PathOf("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .ToList();

        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, s => s.Contains("'br/", StringComparison.Ordinal) || s.Contains("'br:", StringComparison.Ordinal) || s.Contains("'ts/", StringComparison.Ordinal));
    }
}
