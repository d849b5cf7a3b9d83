using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Workflow.Api;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Orchestration;

namespace ServerlessComplaints.Web.Http;

/// <summary>Reads a submission from JSON or multipart/form-data (dotted customer fields, repeated <c>evidence</c> files).</summary>
public static class IntakeRequestReader
{
    /// <summary>The error of a body larger than the host accepts (413): no part of it was read, so no file can be named.</summary>
    public const string TooLarge = "The form data is larger than the service accepts.";

    public static async Task<(IntakeRequest? Request, string? Error)> ReadAsync(HttpRequest http, Channel channel, string? loggedBy, CancellationToken cancellationToken)
    {
        var acceptLanguage = http.Headers.AcceptLanguage.ToString();
        var idempotencyKey = http.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;
        try
        {
            if (http.HasFormContentType)
            {
                var form = await http.ReadFormAsync(cancellationToken);
                var files = new List<EvidenceUpload>();
                foreach (var file in form.Files.Where(f => f.Name == "evidence"))
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, cancellationToken);
                    files.Add(new EvidenceUpload(file.FileName, buffer.ToArray()));
                }

                string? F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
                var submission = new ComplaintSubmission
                {
                    Kind = F("kind"), Category = F("category"), Subject = F("subject"), Description = F("description"),
                    Customer = new CustomerSubmission { Name = F("customer.name"), Email = F("customer.email"), Phone = F("customer.phone") },
                    Location = F("location"), OrderReference = F("orderReference"), OccurredAt = F("occurredAt"),
                    DesiredRemedy = F("desiredRemedy"), Language = F("language"),
                };
                return (new IntakeRequest(submission, files, channel, acceptLanguage, idempotencyKey, loggedBy), null);
            }

            if (http.HasJsonContentType())
            {
                var submission = await JsonSerializer.DeserializeAsync<ComplaintSubmission>(http.Body, WorkflowJson.Options, cancellationToken);
                return (new IntakeRequest(submission, [], channel, acceptLanguage, idempotencyKey, loggedBy), null);
            }

            return (null, "Send application/json or multipart/form-data.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge);
        }
        catch (JsonException ex)
        {
            return (null, $"The JSON body is malformed: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, $"The form data is malformed or too large: {ex.Message}");
        }
    }
}
