using System.ComponentModel.DataAnnotations;

namespace ServerlessComplaints.Web.Hosting;

/// <summary>Section "RateLimits": requests per client and minute on the public routes (intake, status JSON, status page).</summary>
public sealed class PublicRateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, int.MaxValue)]
    public int PublicPerMinute { get; set; } = 60;
}
