namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>What a newcomer needs after start: where to click and which staff key to use.</summary>
internal static class StartupBanner
{
    // Azurite saves to disk every 5 s (and on a graceful stop): a crash of Azurite itself loses what came after the last save.
    public const string EmulatorWarning =
        "emulator: the last seconds before a crash can be lost; point LocalService:StorageConnectionString at a storage account for real data";

    public static void Print(TextWriter output, LocalService service)
    {
        var url = service.BaseUrl;
        output.WriteLine();
        output.WriteLine("ServerlessComplaints is running (Durable Task engine: DurableTask.Core on the Azure Storage backend).");
        output.WriteLine($"  Complaint form   {url}/");
        output.WriteLine($"  Dev mailbox      {url}/dev/mailbox");
        output.WriteLine($"  Health           {url}/healthz");
        output.WriteLine($"  Inbound email    {url}/api/inbound-email   (SendGrid Inbound Parse; basic-auth secret in dev-secrets.json)");
        output.WriteLine($"  Staff API        {url}/api/staff/complaints   (Authorization: Bearer <key>)");
        foreach (var id in new[] { "zhang.wei", "wang.lei", "li.na", "gao.feng" }.Where(service.StaffKeys.ContainsKey))
        {
            output.WriteLine($"    staff key {id,-10} {service.StaffKeys[id]}");
        }

        output.WriteLine($"  All staff keys are in {Path.Combine(service.DataDirectory, "dev-secrets.json")} (local data, git-ignored).");
        if (RunsOnEmulator(service))
        {
            output.WriteLine($"  {EmulatorWarning}");
        }

        output.WriteLine("Press Ctrl+C to stop the service and Azurite. Data persists in " + service.DataDirectory);
    }

    private static bool RunsOnEmulator(LocalService service)
    {
        var configured = service.App.Configuration[$"{LocalServiceOptions.SectionName}:{nameof(LocalServiceOptions.StorageConnectionString)}"] ?? "";
        return service.Azurite is not null
            || configured.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || configured.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase);
    }
}
