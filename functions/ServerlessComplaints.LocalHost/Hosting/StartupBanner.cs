using System.Globalization;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.LocalHost.Hosting;

/// <summary>What a newcomer needs after start: where to click, and which staff key does what.</summary>
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
        output.WriteLine($"  Dev mailbox      {url}/dev/mailbox   (every mail sent, with working links; ?case=<tracking number>)");
        output.WriteLine($"  Health           {url}/healthz");
        output.WriteLine($"  Inbound email    {url}/api/inbound-email   (SendGrid Inbound Parse; basic-auth secret in dev-secrets.json)");
        output.WriteLine($"  Staff API        {url}/api/staff/complaints   (Authorization: Bearer <key>)");
        PrintStaffKeys(output, service);
        if (RunsOnEmulator(service))
        {
            output.WriteLine($"  {EmulatorWarning}");
        }

        output.WriteLine("Request logs are off; run with --verbose to see them. Press Ctrl+C to stop the service and Azurite.");
        output.WriteLine("Data persists in " + service.DataDirectory);
    }

    private static void PrintStaffKeys(TextWriter output, LocalService service)
    {
        if (!service.StaffKeysGenerated)
        {
            // Keys from configuration may be real ones: never printed.
            output.WriteLine("    staff keys: from configuration (Staff:ApiKeys), not shown");
            return;
        }

        var directory = service.App.Services.GetRequiredService<StaffDirectory>();
        var authority = service.App.Services.GetRequiredService<AuthorityMatrix>();
        var (department, members) = Ladder(directory);
        output.WriteLine(department is null
            ? "    dev staff keys:"
            : $"    dev staff keys: the {department.NameEn} department ({department.NameZh}; product-quality cases) and the centre head");
        foreach (var member in members.Where(m => service.StaffKeys.ContainsKey(m.Id)))
        {
            output.WriteLine($"    {member.Id,-11} {Role(member.Role, authority),-44} {service.StaffKeys[member.Id]}");
        }

        output.WriteLine($"    every staff member's key: {Path.Combine(service.DataDirectory, "dev-secrets.json")} (local data, git-ignored)");
    }

    // Everyone a product-quality complaint meets: its owner, the approver above, the manager escalated to, the centre head.
    private static (Department? Department, IReadOnlyList<StaffMember> Members) Ladder(StaffDirectory directory)
    {
        try
        {
            var department = directory.DepartmentFor(Category.ProductQuality);
            return (department, [.. new[] { StaffRole.Staff, StaffRole.Supervisor, StaffRole.Manager, StaffRole.CentreHead }
                .Select(role => directory.HolderOf(department.Id, role)).DistinctBy(m => m.Id)]);
        }
        catch (KeyNotFoundException)
        {
            return (null, [.. directory.All.Take(4)]); // a configured directory that routes product quality nowhere
        }
    }

    private static string Role(StaffRole role, AuthorityMatrix authority)
    {
        var limit = authority.LimitOf(role) is { } amount ? string.Create(CultureInfo.InvariantCulture, $"approves up to {amount:0.##}") : "approves any amount";
        return role switch
        {
            StaffRole.Staff => $"case owner (staff; {limit})",
            StaffRole.Supervisor => $"supervisor ({limit})",
            StaffRole.Manager => $"department manager ({limit})",
            StaffRole.CentreHead => $"complaint-centre head ({limit})",
            _ => role.ToString(),
        };
    }

    private static bool RunsOnEmulator(LocalService service)
    {
        var configured = service.App.Configuration[$"{LocalServiceOptions.SectionName}:{nameof(LocalServiceOptions.StorageConnectionString)}"] ?? "";
        return service.Azurite is not null
            || configured.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || configured.Contains("AccountName=devstoreaccount1", StringComparison.OrdinalIgnoreCase);
    }
}
