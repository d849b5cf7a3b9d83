namespace ServerlessComplaints.Infrastructure.Tests.Bicep;

/// <summary>Template test classes share one compiled template.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "Compiled Bicep template";
}
