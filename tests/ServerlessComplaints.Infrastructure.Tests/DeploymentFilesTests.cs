using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServerlessComplaints.Infrastructure.Tests;

/// <summary>azure.yaml, the GitHub workflows, Dependabot and the azd parameters file, read as text.</summary>
public sealed partial class DeploymentFilesTests
{
    public static TheoryData<string> Workflows => new() { ".github/workflows/ci.yml", ".github/workflows/deploy.yml" };

    [Fact]
    public void AzureYaml_ApiService_IsTheFunctionsProjectOnFunctionsHost()
    {
        var yaml = RepositoryFiles.Read("azure.yaml");

        Assert.Matches(@"(?m)^name:\s*serverless-complaints\s*$", yaml);
        Assert.Matches(@"(?m)^services:\s*\n\s+api:\s*$", yaml);
        Assert.Matches(@"(?m)^\s+project:\s*\./functions/ServerlessComplaints\.Functions\s*$", yaml);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", yaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_Uses_EveryActionPinnedToCommitSha(string path)
    {
        var workflow = RepositoryFiles.Read(path);

        var uses = UsesLine().Matches(workflow).Select(m => (Action: m.Groups[1].Value, Comment: m.Groups[2].Value)).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches("^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$", u.Action));
        // The trailing comment names the version a SHA stands for (Dependabot keeps both in step).
        Assert.All(uses, u => Assert.Matches(@"^#\s*v\d", u.Comment));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_Permissions_DeclaredAtTopWithReadOnlyContents(string path)
    {
        var workflow = RepositoryFiles.Read(path);

        Assert.Matches(@"(?m)^permissions:\s*$", workflow);
        Assert.Matches(@"(?m)^\s+contents:\s*read\s*$", workflow);
        Assert.DoesNotMatch(@"(?m)^\s+(contents|packages|actions|pull-requests|issues|deployments|checks|statuses):\s*write\s*$", workflow);
    }

    [Fact]
    public void CiWorkflow_Steps_BuildWithFunctionsTestAndCompileBicep()
    {
        var ci = RepositoryFiles.Read(".github/workflows/ci.yml");

        Assert.DoesNotContain("id-token: write", ci, StringComparison.Ordinal);
        Assert.Contains("npm ci", ci, StringComparison.Ordinal);
        Assert.Contains("dotnet build ServerlessComplaints.sln", ci, StringComparison.Ordinal);
        Assert.DoesNotContain("BuildFunctions", ci, StringComparison.Ordinal);
        Assert.Contains("bash .ci/run", ci, StringComparison.Ordinal);
        Assert.Contains("build infra/main.bicep", ci, StringComparison.Ordinal);
        Assert.Contains("lint infra/main.bicep", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void DeployWorkflow_Login_OidcFromRepositoryVariablesThenAzd()
    {
        var deploy = RepositoryFiles.Read(".github/workflows/deploy.yml");

        Assert.Matches(@"(?m)^\s+id-token:\s*write\s*$", deploy);
        Assert.Contains("client-id: ${{ vars.AZURE_CLIENT_ID }}", deploy, StringComparison.Ordinal);
        Assert.Contains("tenant-id: ${{ vars.AZURE_TENANT_ID }}", deploy, StringComparison.Ordinal);
        Assert.Contains("subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}", deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.", deploy, StringComparison.Ordinal);
        var provision = deploy.IndexOf("azd provision --no-prompt", StringComparison.Ordinal);
        Assert.InRange(provision, 0, deploy.IndexOf("azd deploy --no-prompt", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependabot_Ecosystems_NugetNpmAndActions()
    {
        var dependabot = RepositoryFiles.Read(".github/dependabot.yml");

        var ecosystems = Ecosystem().Matches(dependabot).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["github-actions", "npm", "nuget"], ecosystems);
    }

    [Fact]
    public void ParametersFile_EveryParameter_DeclaredInMainBicep()
    {
        using var parameters = JsonDocument.Parse(RepositoryFiles.Read("infra/main.parameters.json"));
        var bicep = RepositoryFiles.Read("infra/main.bicep");

        var names = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("environmentName", names);
        Assert.Contains("location", names);
        Assert.All(names, n => Assert.Matches($@"(?m)^param {n} ", bicep));
    }

    [GeneratedRegex(@"(?m)^\s*(?:-\s+)?uses:\s*(\S+)[ \t]*(#[^\n]*)?$")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"(?m)^\s*-\s*package-ecosystem:\s*(\S+)\s*$")]
    private static partial Regex Ecosystem();
}
