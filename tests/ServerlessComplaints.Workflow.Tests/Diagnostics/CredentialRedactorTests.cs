using ServerlessComplaints.Workflow.Diagnostics;

namespace ServerlessComplaints.Workflow.Tests.Diagnostics;

public sealed class CredentialRedactorTests
{
    [Theory]
    [InlineData("GET http://127.0.0.1:7071/actions/k1.eyJhIjoxfQ.sig-_9 - 200", "GET http://127.0.0.1:7071/actions/*** - 200")]
    [InlineData("/actions/abc/extra", "/actions/***/extra")]
    [InlineData("/evidence/k1.Q01Q.1893456000.sig", "/evidence/***")]
    [InlineData("/status/CMP-20261201-0001?t=AbC-_123", "/status/CMP-20261201-0001?t=***")]
    [InlineData("/api/complaints/CMP-20261201-0001?lang=en&t=AbC&x=1", "/api/complaints/CMP-20261201-0001?lang=en&t=***&x=1")]
    [InlineData("/status/CMP-1?T=upper", "/status/CMP-1?T=***")]
    [InlineData("RequestPath:/ACTIONS/tok RequestId:0HN1", "RequestPath:/ACTIONS/*** RequestId:0HN1")]
    [InlineData("returnUrl=%2Factions%2Fk1.tok%3Fx%3D1", "returnUrl=%2Factions%2F***%3Fx%3D1")]
    [InlineData("next=%2Fstatus%2FCMP-1%3Ft%3DAbC%26lang%3Den", "next=%2Fstatus%2FCMP-1%3Ft%3D***%26lang%3Den")]
    [InlineData("href=\"https://x.example/actions/tok\">", "href=\"https://x.example/actions/***\">")]
    public void Redact_CredentialInUrl_MaskedKeepingTheRest(string text, string expected)
    {
        Assert.True(CredentialRedactor.HasCredential(text));

        Assert.Equal(expected, CredentialRedactor.Redact(text));
    }

    [Theory]
    [InlineData("Case CMP-20261201-0001 accepted via Web with 2 evidence files")]
    [InlineData("GET /status/CMP-20261201-0001 - 404")]
    [InlineData("/api/staff/complaints?take=10&stage=open")]
    [InlineData("HTTP: GET /actions/")]
    [InlineData("")]
    public void Redact_NoCredential_TextUnchanged(string text)
    {
        Assert.False(CredentialRedactor.HasCredential(text));

        Assert.Equal(text, CredentialRedactor.Redact(text));
    }
}
