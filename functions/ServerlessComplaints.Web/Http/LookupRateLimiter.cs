using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using ServerlessComplaints.Workflow.Api;

namespace ServerlessComplaints.Web.Http;

/// <summary>
/// The status-link lookup's own budgets, apart from <see cref="PublicRateLimiter"/>'s (the form's): per client,
/// <c>RateLimits:LookupPerHour</c> well-formed lookups an hour (default 10), refused with a 429 page; per case,
/// <c>RateLimits:LookupMailsPerCasePerHour</c> lookup mails an hour (default 3), spent only when a lookup matches and
/// skipped silently, so neither the answer nor its status tells whether a pair matched. Fixed one-hour windows, per
/// process (as the public limit).
/// </summary>
public sealed class LookupRateLimiter : ICaseMailBudget, IDisposable
{
    public const int DefaultPerHour = 10;

    public const int DefaultMailsPerCasePerHour = 3;

    private readonly PartitionedRateLimiter<string> _clients;
    private readonly PartitionedRateLimiter<string> _cases;
    private readonly TimeSpan _window;

    public LookupRateLimiter(int perClient, int mailsPerCase)
        : this(perClient, mailsPerCase, TimeSpan.FromHours(1))
    {
    }

    internal LookupRateLimiter(int perClient, int mailsPerCase, TimeSpan window)
    {
        _window = window;
        _clients = Partitioned(perClient, window);
        _cases = Partitioned(mailsPerCase, window);
    }

    /// <summary>Null when the client may look up now; otherwise how long until it may again.</summary>
    public TimeSpan? RefuseClient(HttpContext http)
    {
        using var lease = _clients.AttemptAcquire(PublicRateLimiter.ClientOf(http));
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : _window;
    }

    public bool TryTake(string trackingNumber)
    {
        using var lease = _cases.AttemptAcquire(trackingNumber);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _clients.Dispose();
        _cases.Dispose();
    }

    private static PartitionedRateLimiter<string> Partitioned(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
