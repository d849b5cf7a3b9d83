using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Functions.Http;
using ServerlessComplaints.Functions.Tests.Engines;
using ServerlessComplaints.Functions.Tests.Hardening;
using ServerlessComplaints.Functions.Tests.Identity;
using ServerlessComplaints.Testing.Scenarios;
using ServerlessComplaints.Web.Hosting;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Lifecycle;

namespace ServerlessComplaints.Functions.Tests.Authorization;

// The Functions app's entry point of the authorization table: the StaffCaseAction trigger as the host calls it, on the real engine.
public sealed class StaffActionFunctionTests : IDisposable
{
    private readonly TestTenant _tenant = new();

    [Fact]
    public async Task ActAsync_OtherDepartment403_OwnerAboveLimit202ToApproval_OfferWhileCustomerDecides409()
    {
        // As the Functions app wires it: the route gets the Durable client each trigger hands in, no workflow client in DI.
        await using var engine = await DurableCaseEngine.StartAsync(ScenarioSettings.Create(), s => s
            .AddLogging()
            .AddComplaintCentreWeb(new ConfigurationBuilder().Build())
            .AddSingleton<IStaffSignIn>(_tenant.Authenticator(TestTenant.Configured)));
        const string tn = "CMP-20261130-AZ7KQ9";
        await engine.SubmitAsync(ComplaintScenarios.Approval.Submission, tn);
        var functions = new HttpFunctions();
        await engine.WaitForAsync(tn, CaseStage.Investigation, "received", 1);
        var findings = new { rootCause = "加热盘缺陷", responsibleParty = "company", facts = "同批次", remedy = new { type = "refund", amount = 599, description = "退款" } };

        async Task<(int Status, string Body)> Act(string signInName, string action, object body)
        {
            var request = Request(engine.Services, signInName, tn, action, body);
            await functions.StaffCaseAction(request, engine.DurableClient);
            return (request.HttpContext.Response.StatusCode, PublicFunctions.Body(request));
        }

        var otherDepartment = await Act("liu.yang@example.cn", "findings", findings);
        var owner = await Act("zhang.wei@example.cn", "findings", findings);
        await engine.WaitForAsync(tn, CaseStage.Approval, "approval-requested", 1);
        var ownerApproves = await Act("zhang.wei@example.cn", "approve", new { comment = "ok" });
        var supervisorApproves = await Act("wang.lei@example.cn", "approve", new { comment = "同意" });
        await engine.WaitForAsync(tn, CaseStage.Resolution, "offer-sent", 1);
        var earlyOffer = await Act("zhang.wei@example.cn", "offer", new { remedy = new { type = "coupon", amount = 1, description = "x" } });

        Assert.Equal(403, otherDepartment.Status);
        Assert.Equal(202, owner.Status);
        Assert.Contains("\"approvalRequired\":true", owner.Body, StringComparison.Ordinal);
        Assert.Equal(403, ownerApproves.Status);
        Assert.Equal(202, supervisorApproves.Status);
        Assert.Equal(409, earlyOffer.Status);
    }

    public void Dispose() => _tenant.Dispose();

    private Microsoft.AspNetCore.Http.HttpRequest Request(IServiceProvider services, string signInName, string trackingNumber, string action, object body)
    {
        var request = PublicFunctions.NewContext(services).Request;
        request.Method = "POST";
        request.RouteValues["trackingNumber"] = trackingNumber;
        request.RouteValues["action"] = action;
        request.Headers.Authorization = "Bearer " + _tenant.Token(signInName);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body));
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        request.ContentType = "application/json";
        return request;
    }
}
