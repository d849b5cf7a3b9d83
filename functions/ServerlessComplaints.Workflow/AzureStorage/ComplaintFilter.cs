using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Cases;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>The server-side part of a <see cref="CaseQuery"/> as an OData filter; <see cref="CaseQuery.Apply"/> does the rest.</summary>
internal static class ComplaintFilter
{
    public static string? For(CaseQuery query)
    {
        var clauses = new List<string>(4);
        if (query.Stage is { } stage)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Stage eq {ComplaintEntity.WireName(stage)}"));
        }

        if (query.Kind is { } kind)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Kind eq {ComplaintEntity.WireName(kind)}"));
        }

        if (query.Category is { } category)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Category eq {ComplaintEntity.WireName(category)}"));
        }

        // Rows without a deadline have no DueAtUtc column, and a comparison on a missing column does not match.
        if (ComplaintEntity.AsUtc(query.OverdueAtUtc) is { } overdueAt)
        {
            clauses.Add(TableClient.CreateQueryFilter($"DueAtUtc lt {overdueAt}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }
}
