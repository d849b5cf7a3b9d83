using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>The organisation cases are routed through: staff, departments, the centre head and the category → department table.</summary>
/// <remarks>Ids and category names compare case-insensitively. Roles bind from their enum names ("CentreHead").</remarks>
public sealed partial class StaffDirectoryOptions
{
    public const string SectionName = "StaffDirectory";

    public List<StaffMember> Staff { get; set; } = [];

    public List<Department> Departments { get; set; } = [];

    /// <summary>Staff id of the complaint-centre head, the last rung of escalation.</summary>
    public string CentreHeadId { get; set; } = "";

    /// <summary>Category wire name ("product-quality") → department id.</summary>
    public Dictionary<string, string> Routing { get; set; } = new();

    /// <summary>Problems with the directory, one message each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var staff = ValidateStaff(errors);
        var departments = ValidateDepartments(staff, errors);
        ValidateStaffDepartments(departments, errors);
        ValidateCentreHead(staff, errors);
        ValidateRouting(departments, errors);
        return errors;
    }

    private Dictionary<string, StaffMember> ValidateStaff(List<string> errors)
    {
        var byId = new Dictionary<string, StaffMember>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in (Staff ?? []).Where(m => m is not null))
        {
            if (string.IsNullOrWhiteSpace(member.Id))
            {
                errors.Add($"{SectionName}:Staff has a member without an id ('{member.Name}').");
                continue;
            }

            if (!byId.TryAdd(member.Id, member))
            {
                errors.Add($"{SectionName}:Staff id '{member.Id}' is used more than once.");
            }

            if (string.IsNullOrWhiteSpace(member.Name))
            {
                errors.Add($"{SectionName}:Staff '{member.Id}' has no name.");
            }

            if (string.IsNullOrWhiteSpace(member.Email) || !member.Email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"{SectionName}:Staff '{member.Id}' has no valid email address.");
            }

            if (!Enum.IsDefined(member.Role))
            {
                errors.Add($"{SectionName}:Staff '{member.Id}' has an unknown role '{member.Role}'.");
            }
        }

        return byId;
    }

    private Dictionary<string, Department> ValidateDepartments(Dictionary<string, StaffMember> staff, List<string> errors)
    {
        var byId = new Dictionary<string, Department>(StringComparer.OrdinalIgnoreCase);
        foreach (var department in (Departments ?? []).Where(d => d is not null))
        {
            if (string.IsNullOrWhiteSpace(department.Id))
            {
                errors.Add($"{SectionName}:Departments has a department without an id ('{department.NameEn}').");
                continue;
            }

            if (!byId.TryAdd(department.Id, department))
            {
                errors.Add($"{SectionName}:Department id '{department.Id}' is used more than once.");
            }

            if (string.IsNullOrWhiteSpace(department.NameZh) || string.IsNullOrWhiteSpace(department.NameEn))
            {
                errors.Add($"{SectionName}:Department '{department.Id}' needs both a Chinese and an English name.");
            }

            CheckHolder(department, "owner", department.OwnerId, StaffRole.Staff, staff, errors);
            CheckHolder(department, "supervisor", department.SupervisorId, StaffRole.Supervisor, staff, errors);
            CheckHolder(department, "manager", department.ManagerId, StaffRole.Manager, staff, errors);
        }

        return byId;
    }

    // A holder below the rung they fill could not approve what that rung is asked to approve.
    private static void CheckHolder(
        Department department, string post, string staffId, StaffRole minimum, Dictionary<string, StaffMember> staff, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(staffId))
        {
            errors.Add($"{SectionName}:Department '{department.Id}' has no {post}.");
        }
        else if (!staff.TryGetValue(staffId, out var holder))
        {
            errors.Add($"{SectionName}:Department '{department.Id}' {post} '{staffId}' is not in Staff.");
        }
        else if (holder.Role < minimum)
        {
            errors.Add($"{SectionName}:Department '{department.Id}' {post} '{staffId}' has role {holder.Role}, needs at least {minimum}.");
        }
    }

    private void ValidateStaffDepartments(Dictionary<string, Department> departments, List<string> errors)
    {
        foreach (var member in (Staff ?? []).Where(m => m is not null && !string.IsNullOrWhiteSpace(m.Id)))
        {
            if (string.IsNullOrWhiteSpace(member.Department) || !departments.ContainsKey(member.Department))
            {
                errors.Add($"{SectionName}:Staff '{member.Id}' belongs to unknown department '{member.Department}'.");
            }
        }
    }

    private void ValidateCentreHead(Dictionary<string, StaffMember> staff, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(CentreHeadId))
        {
            errors.Add($"{SectionName}:CentreHeadId is required.");
        }
        else if (!staff.TryGetValue(CentreHeadId, out var head))
        {
            errors.Add($"{SectionName}:CentreHeadId '{CentreHeadId}' is not in Staff.");
        }
        else if (head.Role != StaffRole.CentreHead)
        {
            errors.Add($"{SectionName}:CentreHeadId '{CentreHeadId}' has role {head.Role}, needs {StaffRole.CentreHead}.");
        }
    }

    private void ValidateRouting(Dictionary<string, Department> departments, List<string> errors)
    {
        var routing = Routing ?? [];
        foreach (var category in CategoryWireNames.All.Select(CategoryWireNames.Of))
        {
            if (!routing.Keys.Contains(category, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{SectionName}:Routing has no department for category '{category}'.");
            }
        }

        foreach (var (category, departmentId) in routing)
        {
            if (!CategoryWireNames.IsKnown(category))
            {
                errors.Add($"{SectionName}:Routing names unknown category '{category}'.");
            }

            if (string.IsNullOrWhiteSpace(departmentId) || !departments.ContainsKey(departmentId))
            {
                errors.Add($"{SectionName}:Routing sends '{category}' to unknown department '{departmentId}'.");
            }
        }
    }
}
