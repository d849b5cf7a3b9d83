using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Durable;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Functions.Tests.Engines;
using ServerlessComplaints.Testing.Engines;
using ServerlessComplaints.Functions.Tests.Identity;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Functions.Tests.Authorization;

// The Functions app's entry point of the authorization table: StaffFunctions as the host calls it, on the real engine.
public sealed class StaffActionFunctionTests : IDisposable
{
    private readonly TestTenant _tenant = new();

    [Fact]
    public async Task ActAsync_OtherDepartment403_OwnerAboveLimit202ToApproval_OfferWhileCustomerDecides409()
    {
        // As the Functions app wires it: handlers reach Durable through the client each trigger hands in.
        await using var engine = await DurableCaseEngine.StartAsync(ScenarioSettings.Create(), s => s.AddLogging().AddSingleton<IWorkflowClient, AmbientWorkflowClient>());
        const string tn = "CMP-20261130-AZ7KQ9";
        await engine.SubmitAsync(ComplaintScenarios.Approval.Submission, tn);
        var functions = new StaffFunctions(engine.Services.GetRequiredService<StaffHandler>(), _tenant.Authenticator(TestTenant.Configured), TimeProvider.System);
        await engine.WaitForAsync(tn, CaseStage.Investigation, "received", 1);
        var findings = new { rootCause = "加热盘缺陷", responsibleParty = "company", facts = "同批次", remedy = new { type = "refund", amount = 599, description = "退款" } };

        var otherDepartment = await functions.ActAsync(Request("liu.yang@example.cn", findings), tn, "findings", engine.DurableClient);
        var owner = await functions.ActAsync(Request("zhang.wei@example.cn", findings), tn, "findings", engine.DurableClient);
        await engine.WaitForAsync(tn, CaseStage.Approval, "approval-requested", 1);
        var ownerApproves = await functions.ActAsync(Request("zhang.wei@example.cn", new { comment = "ok" }), tn, "approve", engine.DurableClient);
        var supervisorApproves = await functions.ActAsync(Request("wang.lei@example.cn", new { comment = "同意" }), tn, "approve", engine.DurableClient);
        await engine.WaitForAsync(tn, CaseStage.Resolution, "offer-sent", 1);
        var earlyOffer = await functions.ActAsync(Request("zhang.wei@example.cn", new { remedy = new { type = "coupon", amount = 1, description = "x" } }), tn, "offer", engine.DurableClient);

        Assert.Equal(403, Status(otherDepartment));
        Assert.Equal(202, Status(owner));
        Assert.Contains("\"approvalRequired\":true", JsonSerializer.Serialize(((ObjectResult)owner).Value), StringComparison.Ordinal);
        Assert.Equal(403, Status(ownerApproves));
        Assert.Equal(202, Status(supervisorApproves));
        Assert.Equal(409, Status(earlyOffer));
    }

    public void Dispose() => _tenant.Dispose();

    private Microsoft.AspNetCore.Http.HttpRequest Request(string signInName, object body)
    {
        var request = TestTenant.BearerRequest(_tenant.Token(signInName));
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body));
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.ContentType = "application/json";
        return request;
    }

    private static int? Status(IActionResult result) => Assert.IsAssignableFrom<IStatusCodeActionResult>(result).StatusCode;
}
