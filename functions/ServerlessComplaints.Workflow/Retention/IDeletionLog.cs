namespace ServerlessComplaints.Workflow.Retention;

/// <summary>The PII-free record of every case the retention sweep deleted (Azure Tables in production, memory in tests).</summary>
public interface IDeletionLog
{
    /// <summary>Adds the record; false when one for its tracking number exists (a sweep finishing an interrupted deletion keeps the first).</summary>
    Task<bool> AppendAsync(DeletionRecord record, CancellationToken cancellationToken);

    /// <summary>The latest deletions first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<DeletionRecord>> ListAsync(int take, CancellationToken cancellationToken);
}
