using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Assessment;

/// <summary>Looks up staff, departments and who holds each rung of the escalation ladder; built from validated options.</summary>
public sealed class StaffDirectory
{
    private readonly Dictionary<string, StaffMember> _staff;
    private readonly Dictionary<string, Department> _departments;
    private readonly Dictionary<string, string> _routing;

    /// <exception cref="ArgumentException">The options fail <see cref="StaffDirectoryOptions.Validate"/>.</exception>
    public StaffDirectory(StaffDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid staff directory: {string.Join(" ", errors)}", nameof(options));
        }

        _staff = options.Staff.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        _departments = options.Departments.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        _routing = new Dictionary<string, string>(options.Routing, StringComparer.OrdinalIgnoreCase);
        All = [.. options.Staff];
        CentreHead = _staff[options.CentreHeadId];
    }

    public StaffMember CentreHead { get; }

    public IReadOnlyList<StaffMember> All { get; }

    /// <exception cref="KeyNotFoundException">No staff member has this id.</exception>
    public StaffMember Get(string staffId) =>
        Find(staffId) ?? throw new KeyNotFoundException($"No staff member with id '{staffId}' in the staff directory.");

    public StaffMember? Find(string staffId) =>
        staffId is not null && _staff.TryGetValue(staffId, out var member) ? member : null;

    /// <summary>
    /// The member whose directory email is this sign-in name (case-insensitive), or null: how every organisation
    /// identity (Entra ID, OpenID Connect, App Service authentication) maps to a staff member and role.
    /// </summary>
    public StaffMember? FindByEmail(string? signInName) =>
        string.IsNullOrWhiteSpace(signInName) ? null : All.FirstOrDefault(m => string.Equals(m.Email, signInName.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Some member of staff works in this department (the id compared ignoring case).</summary>
    public bool HasDepartment(string? departmentId) =>
        All.Any(m => string.Equals(m.Department, departmentId, StringComparison.OrdinalIgnoreCase));

    /// <exception cref="KeyNotFoundException">No department has this id.</exception>
    public Department GetDepartment(string departmentId) =>
        departmentId is not null && _departments.TryGetValue(departmentId, out var department)
            ? department
            : throw new KeyNotFoundException($"No department with id '{departmentId}' in the staff directory.");

    /// <summary>The department a category is routed to.</summary>
    public Department DepartmentFor(Category category) => GetDepartment(_routing[CategoryWireNames.Of(category)]);

    /// <summary>The case owner of the department a category is routed to.</summary>
    public StaffMember OwnerFor(Category category) => Get(DepartmentFor(category).OwnerId);

    /// <summary>The person holding <paramref name="role"/> for the department: Staff → owner, Supervisor, Manager, CentreHead → centre head.</summary>
    public StaffMember HolderOf(string departmentId, StaffRole role)
    {
        var department = GetDepartment(departmentId);
        return role switch
        {
            StaffRole.Staff => Get(department.OwnerId),
            StaffRole.Supervisor => Get(department.SupervisorId),
            StaffRole.Manager => Get(department.ManagerId),
            StaffRole.CentreHead => CentreHead,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown staff role."),
        };
    }
}
