namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// Insertion order for rows and blobs whose domain timestamps may tie: wall-clock ticks order appends across
/// processes, and a bump keeps them strictly increasing within one. Not domain time, so not a <see cref="TimeProvider"/>.
/// </summary>
internal static class AppendSequence
{
    private static long _last;

    public static long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(DateTime.UtcNow.Ticks, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
