using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessComplaints.Workflow.Calendar;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Notifications;
using ServerlessComplaints.Workflow.Retention;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Workflow.AzureStorage;

/// <summary>Registers the Azure Storage case stores (with the staff queue over their projections and the dashboard over their aggregates), outbox, deletion log and evidence store, and creates their tables and container.</summary>
public static class AzureCaseStorage
{
    /// <summary>The stores on a storage account reached by connection string (Azurite, or shared keys).</summary>
    public static IServiceCollection AddAzureCaseStores(this IServiceCollection services, string connectionString, string tablePrefix = "", string evidenceContainer = "evidence")
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return services.AddAzureCaseStores(new TableServiceClient(connectionString), new BlobServiceClient(connectionString), tablePrefix, evidenceContainer);
    }

    /// <summary>The stores on clients the host built, e.g. from service URIs and a managed identity credential.</summary>
    public static IServiceCollection AddAzureCaseStores(this IServiceCollection services, TableServiceClient tables, BlobServiceClient blobs, string tablePrefix = "", string evidenceContainer = "evidence")
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);

        // The stores keep these clients even when the host registered its own for other work.
        services.TryAddSingleton(tables);
        services.TryAddSingleton(blobs);
        services.TryAddSingleton(TimeProvider.System);
        // The calendar (from AddComplaintWorkflow) gives the local dates the dashboard counts cases under.
        services.AddSingleton(sp => new TableComplaintStore(tables, tablePrefix, sp.GetService<BusinessCalendar>()?.TimeZone));
        services.AddSingleton<IComplaintStore>(sp => sp.GetRequiredService<TableComplaintStore>());
        services.AddSingleton<ICustomerCases>(sp => sp.GetRequiredService<TableComplaintStore>());

        // The queue reads the store's projections; the calendar comes from AddComplaintWorkflow.
        services.AddSingleton<IStaffQueue>(sp => new TableStaffQueue(
            sp.GetRequiredService<TableComplaintStore>(), sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TableDashboard(sp.GetRequiredService<TableComplaintStore>()));
        services.AddSingleton<IDashboard>(sp => sp.GetRequiredService<TableDashboard>());
        services.AddSingleton(new TableTimelineStore(tables, tablePrefix));
        services.AddSingleton<ITimelineStore>(sp => sp.GetRequiredService<TableTimelineStore>());
        services.AddSingleton(sp => new TableNotificationOutbox(tables, tablePrefix, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<TableNotificationOutbox>());
        services.AddSingleton(new TableDeletionLog(tables, tablePrefix));
        services.AddSingleton<IDeletionLog>(sp => sp.GetRequiredService<TableDeletionLog>());
        services.AddSingleton(new BlobEvidenceStore(blobs, evidenceContainer));
        services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<BlobEvidenceStore>());
        return services;
    }

    /// <summary>Creates the tables and the private evidence container if they do not exist; call once at start-up.</summary>
    public static async Task EnsureAzureCaseStoresAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<TableComplaintStore>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<TableTimelineStore>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<TableNotificationOutbox>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<TableDeletionLog>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<BlobEvidenceStore>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
    }
}
