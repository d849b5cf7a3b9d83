using System.Text;
using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class InboundEmailAuthenticationTests
{
    [Fact]
    public void IsAuthorized_BasicAuthPassword_ComparedAgainstTheSecret()
    {
        var options = new InboundEmailOptions { Secret = InboundScenario.Secret };
        static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

        Assert.True(InboundEmailAuthentication.IsAuthorized(Basic("sendgrid:" + InboundScenario.Secret), options));
        Assert.True(InboundEmailAuthentication.IsAuthorized(Basic(":" + InboundScenario.Secret), options));
        Assert.False(InboundEmailAuthentication.IsAuthorized(Basic("sendgrid:wrong-secret-0123456789"), options));
        Assert.False(InboundEmailAuthentication.IsAuthorized(Basic(InboundScenario.Secret), options));
        Assert.False(InboundEmailAuthentication.IsAuthorized("Basic !!!", options));
        Assert.False(InboundEmailAuthentication.IsAuthorized(null, options));
        Assert.False(InboundEmailAuthentication.IsAuthorized(Basic(":"), new InboundEmailOptions()));
    }
}
