using System.Text.Json;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Tests.Intake;

/// <summary>The DESIGN.md §3 example submission and ways to vary it one field at a time.</summary>
internal static class IntakeSamples
{
    public const string SampleTrackingNumber = "CMP-20261121-7K3M9Q";

    public const string ChineseJson = """
        {
          "kind": "complaint",
          "category": "product-quality",
          "subject": "电饭煲使用两天后无法加热",
          "description": "11月20日在浦东店购买……",
          "customer": { "name": "王芳", "email": "wang.fang@example.cn", "phone": "+86 138 0000 0000" },
          "location": "浦东店",
          "orderReference": "SO-88231",
          "occurredAt": "2026-11-20T10:30:00+08:00",
          "desiredRemedy": "exchange",
          "language": "zh-CN"
        }
        """;

    public static readonly DateTime ReceivedAtUtc = new(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc);

    public static IntakeValidator Validator { get; } = new(new IntakeLimits());

    public static ComplaintSubmission Chinese() =>
        JsonSerializer.Deserialize<ComplaintSubmission>(ChineseJson, JsonSerializerOptions.Web)!;

    public static IntakeContext Context(Channel channel = Channel.Web, string? acceptLanguage = null) =>
        new(channel, SampleTrackingNumber, ReceivedAtUtc, acceptLanguage);

    public static IntakeResult Validate(ComplaintSubmission submission, Channel channel = Channel.Web, string? acceptLanguage = null) =>
        Validator.Validate(submission, Context(channel, acceptLanguage));

    /// <summary>The sample with the field at a JSON path replaced.</summary>
    public static ComplaintSubmission With(string key, string? value)
    {
        var sample = Chinese();
        var customer = sample.Customer!;
        return key switch
        {
            "kind" => sample with { Kind = value },
            "category" => sample with { Category = value },
            "subject" => sample with { Subject = value },
            "description" => sample with { Description = value },
            "customer.name" => sample with { Customer = customer with { Name = value } },
            "customer.email" => sample with { Customer = customer with { Email = value } },
            "customer.phone" => sample with { Customer = customer with { Phone = value } },
            "location" => sample with { Location = value },
            "orderReference" => sample with { OrderReference = value },
            "occurredAt" => sample with { OccurredAt = value },
            "desiredRemedy" => sample with { DesiredRemedy = value },
            "language" => sample with { Language = value },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown field."),
        };
    }

    /// <summary>The single error of a result, as (key, message).</summary>
    public static (string Key, string Message) SingleError(IntakeResult result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Key, Assert.Single(error.Value));
    }
}
