using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using ServerlessComplaints.Workflow.Security;

namespace ServerlessComplaints.Integration.Tests.LocalService;

/// <summary>Evidence is stored and downloaded under a name ending in the extension of its sniffed type.</summary>
[Collection(LocalServiceCollection.Name)]
public partial class EvidenceNamesOverHttpTests(LocalServiceFixture fixture)
{
    // Valid UTF-8 without control characters: sniffed as plain text, whatever it looks like.
    private static readonly byte[] MarkupAsText = Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script>收据</body></html>\n");

    private static MultipartFormDataContent Form(string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("complaint"), "kind" }, { new StringContent("product-quality"), "category" },
            { new StringContent("收据附件 " + Guid.NewGuid().ToString("N")[..8]), "subject" }, { new StringContent("收据见附件"), "description" },
            { new StringContent("王芳"), "customer.name" }, { new StringContent(CaseClient.CustomerEmail), "customer.email" },
        };
        form.Add(new ByteArrayContent(content), "evidence", fileName);
        return form;
    }

    private static void AssertSafeDownload(HttpResponseMessage download, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("receipt.html", "receipt.html.txt")]
    [InlineData("logo.svg", "logo.svg.txt")]
    [InlineData("run.js", "run.js.txt")]
    [InlineData("app.hta", "app.hta.txt")]
    public async Task Submit_TextFileNamedAsActiveContent_StoredUnderTxtName(string uploaded, string stored)
    {
        var accepted = await fixture.Http.PostAsync("/api/complaints", Form(uploaded, MarkupAsText));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var tn = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
        using var staff = fixture.StaffClient("gao.feng");

        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/staff/complaints/{tn}");

        var item = Assert.Single(detail.GetProperty("evidence").EnumerateArray());
        Assert.Equal(("text/plain", stored), (item.GetProperty("contentType").GetString(), item.GetProperty("fileName").GetString()));
        Assert.EndsWith("-" + stored, item.GetProperty("blobName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalMailLink_TextFileUploadedAsHtml_DownloadedAsTxtAttachment()
    {
        var accepted = await (await fixture.Http.PostAsync("/api/complaints", Form("x.html", MarkupAsText))).Content.ReadFromJsonAsync<JsonElement>();
        var client = new CaseClient(fixture) { TrackingNumber = accepted.GetProperty("trackingNumber").GetString()! };
        await fixture.WaitForMailAsync(client.TrackingNumber, "assignment");
        await client.ActAcceptedAsync("zhang.wei", "findings", new { rootCause = "rc", responsibleParty = "company", facts = "f", remedy = new { type = "refund", amount = 800, description = "退款" } });

        var approval = await fixture.WaitForMailAsync(client.TrackingNumber, "approvalrequest", "wang.lei@example.cn");
        var download = await fixture.Http.GetAsync(new Uri(EvidenceUrl().Match(approval.Text).Value).PathAndQuery);

        Assert.Contains("x.html.txt: ", approval.Text, StringComparison.Ordinal);
        AssertSafeDownload(download, "x.html.txt");
        Assert.Equal(MarkupAsText, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_FileStoredBeforeNamesCarriedTheType_ServedUnderTxtName()
    {
        var submitted = new CaseClient(fixture);
        await submitted.SubmitAsync(CaseClient.Submission("complaint"));
        var blobName = $"{submitted.TrackingNumber}/0badf00d-legacy.html";
        var container = new BlobServiceClient(fixture.Azurite.ConnectionString).GetBlobContainerClient("ev" + fixture.TablePrefix.ToLowerInvariant());
        await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromBytes(MarkupAsText), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
            Metadata = new Dictionary<string, string> { ["filename"] = "legacy.html", ["size"] = MarkupAsText.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        var token = fixture.Service.App.Services.GetRequiredService<EvidenceLinks>().Token(blobName, TimeSpan.FromMinutes(5));

        var download = await fixture.Http.GetAsync($"/evidence/{token}");

        AssertSafeDownload(download, "legacy.html.txt");
    }

    [GeneratedRegex(@"http://[^\s""<>]+/evidence/[A-Za-z0-9._\-]+")]
    private static partial Regex EvidenceUrl();
}
