using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ServerlessComplaints.Workflow.Inbound;

namespace ServerlessComplaints.Web.Http;

/// <summary>
/// Reads an Inbound Parse post section by section, keeping each text field's raw bytes: SendGrid sends GB2312 or
/// Big5 bodies without a section charset, which ASP.NET's form reader would decode as UTF-8 and mangle.
/// </summary>
public static class InboundPostReader
{
    public const string TooLarge = "The post is larger than the webhook accepts (32 MB).";

    public static async Task<(InboundPost? Post, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, "Inbound Parse posts are multipart/form-data with a boundary.");
        }

        var fields = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var files = new Dictionary<string, InboundAttachment>(StringComparer.Ordinal);
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    return (null, "Every part needs Content-Disposition: form-data with a name.");
                }

                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                if (fileName is not null)
                {
                    files[name] = new InboundAttachment(fileName, content.ToArray());
                }
                else
                {
                    fields[name] = content.ToArray();
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, $"The multipart body is malformed or too large: {ex.Message}");
        }

        return fields.Count == 0 && files.Count == 0 ? (null, "The post has no fields.") : (new InboundPost(fields, files), null);
    }
}
