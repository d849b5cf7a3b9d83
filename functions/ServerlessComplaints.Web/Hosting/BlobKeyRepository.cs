using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ServerlessComplaints.Web.Hosting;

/// <summary>
/// The data-protection key ring as blobs, one per key or revocation (<c>keys/key-&lt;id&gt;.xml</c>): written once and
/// never overwritten, so instances that add keys at the same moment both keep theirs. The container is created on the
/// first write if it does not exist (Bicep creates it in Azure, where the app's role is scoped to it).
/// </summary>
internal sealed class BlobKeyRepository(BlobContainerClient container) : IXmlRepository
{
    private const string Prefix = "keys/";

    private static readonly XmlReaderSettings SafeXml = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = new List<XElement>();
        try
        {
            foreach (var item in container.GetBlobs(new GetBlobsOptions { Prefix = Prefix }))
            {
                using var content = container.GetBlobClient(item.Name).DownloadContent().Value.Content.ToStream();
                using var reader = XmlReader.Create(content, SafeXml);
                elements.Add(XElement.Load(reader));
            }
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No key written yet.
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = new string([.. (friendlyName ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        var blob = container.GetBlobClient($"{Prefix}{(name.Length > 0 ? name : Guid.NewGuid().ToString("N"))}.xml");
        var content = BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting));
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" },
        };
        try
        {
            blob.Upload(content, options);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            container.CreateIfNotExists();
            blob.Upload(content, options);
        }
    }
}
