using Azure.Data.Tables;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>
/// The OData filter of a queue page: one scope partition (open or closed cases), a row-key range in the requested order (narrowed by the
/// overdue, escalated or date filters where the order allows), and the remaining filters on the row's columns.
/// </summary>
internal static class QueueFilter
{
    public static string For(QueueSelection selection)
    {
        var request = selection.Request;

        // Without a search, only a closed or archived stage filter lists closed cases, and then only those.
        var open = selection.OpenOnly;
        var scope = selection.OwnerId is { } owner ? QueueEntities.OwnerScope(owner)
            : selection.DepartmentId is { } department ? QueueEntities.DepartmentScope(department)
            : QueueEntities.AllScope;
        var prefix = QueueEntities.SortPrefix(selection.Sort);
        var (from, to) = (prefix, prefix[..^1] + "}");
        var clauses = new List<string>();
        switch (selection.Sort)
        {
            case QueueSort.Due when selection.OverdueOnly:
                to = prefix + QueueEntities.Ticks(selection.NowUtc);
                break;
            case QueueSort.Received:
                // Newest first: a later receipt has a smaller inverted key.
                if (selection.ReceivedTo is { } last)
                {
                    from = prefix + QueueEntities.InvertedTicks(selection.StartOfDayUtc(last.AddDays(1))) + "}";
                }

                if (selection.ReceivedFrom is { } first)
                {
                    to = prefix + QueueEntities.InvertedTicks(selection.StartOfDayUtc(first)) + "}";
                }

                break;
            case QueueSort.Escalation when selection.EscalatedOnly:
                // Level 0 sorts last as "E|99|…".
                to = prefix + "99";
                break;
        }

        clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {QueueEntities.Partition(open, scope)} and RowKey ge {from} and RowKey lt {to}"));
        if (selection.OwnerId is { } ownerKey && scope != QueueEntities.OwnerScope(ownerKey))
        {
            clauses.Add(TableClient.CreateQueryFilter($"OwnerKey eq {QueueEntities.Key(ownerKey)}"));
        }

        if (selection.DepartmentId is { } departmentKey && scope != QueueEntities.DepartmentScope(departmentKey))
        {
            clauses.Add(TableClient.CreateQueryFilter($"DepartmentKey eq {QueueEntities.Key(departmentKey)}"));
        }

        if (request.Stage is { } stage && stage != CaseStage.Unknown)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Stage eq {ComplaintEntity.WireName(stage)}"));
        }

        if (request.Kind is { } kind)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Kind eq {ComplaintEntity.WireName(kind)}"));
        }

        if (request.Category is { } category)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Category eq {ComplaintEntity.WireName(category)}"));
        }

        if (QueueEntities.LocationKey(request.Location) is { } location)
        {
            clauses.Add(TableClient.CreateQueryFilter($"LocationKey eq {location}"));
        }

        if (selection.OverdueOnly && selection.Sort != QueueSort.Due)
        {
            clauses.Add(TableClient.CreateQueryFilter($"DueTicks lt {selection.NowUtc.Ticks}"));
        }

        if (selection.EscalatedOnly && selection.Sort != QueueSort.Escalation)
        {
            clauses.Add(TableClient.CreateQueryFilter($"EscalationLevel gt {0}"));
        }

        if (selection.Sort != QueueSort.Received && selection.ReceivedFrom is { } since)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ReceivedTicks ge {selection.StartOfDayUtc(since).Ticks}"));
        }

        if (selection.Sort != QueueSort.Received && selection.ReceivedTo is { } until)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ReceivedTicks lt {selection.StartOfDayUtc(until.AddDays(1)).Ticks}"));
        }

        return string.Join(" and ", clauses);
    }
}
