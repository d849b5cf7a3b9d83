using ServerlessComplaints.Functions.Triggers;

namespace ServerlessComplaints.Functions.Tests;

public class FunctionsAppTests
{
    [Fact]
    public void FunctionsAssembly_Loads_WithTheOrchestratorTrigger()
    {
        var method = typeof(ComplaintOrchestration).GetMethod(nameof(ComplaintOrchestration.RunAsync));

        Assert.NotNull(method);
    }
}
