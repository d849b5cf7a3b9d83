using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Tests.Assessment;

public sealed class StaffDirectoryOptionsTests
{
    [Fact]
    public void Sample_Validate_NoErrors()
    {
        var options = StaffDirectoryOptions.Sample();

        var errors = options.Validate();

        Assert.Empty(errors);
    }

    [Fact]
    public void Sample_Departments_AreTheSixDemoDepartments()
    {
        var options = StaffDirectoryOptions.Sample();

        var names = options.Departments.Select(d => $"{d.Id}:{d.NameZh}");

        Assert.Equal(["quality:品质部", "service:客服部", "logistics:物流部", "finance:财务部", "facilities:物业部", "general:综合部"], names);
        Assert.All(options.Staff, m => Assert.EndsWith("@example.cn", m.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OwnerIdNotInStaff_ReportsIt()
    {
        var options = StaffDirectoryOptions.Sample();
        options.Departments[0] = options.Departments[0] with { OwnerId = "nobody" };

        var errors = options.Validate();

        var error = Assert.Single(errors);
        Assert.Contains("'quality' owner 'nobody' is not in Staff", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnroutedCategory_ReportsIt()
    {
        var options = StaffDirectoryOptions.Sample();
        options.Routing.Remove("delivery");

        var errors = options.Validate();

        var error = Assert.Single(errors);
        Assert.Contains("no department for category 'delivery'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RouteToUnknownDepartmentOrCategory_ReportsBoth()
    {
        var options = StaffDirectoryOptions.Sample();
        options.Routing["price"] = "sales";
        options.Routing["parking"] = "facilities";

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("unknown department 'sales'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown category 'parking'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateStaffAndDepartmentIds_ReportsBoth()
    {
        var options = StaffDirectoryOptions.Sample();
        options.Staff.Add(options.Staff[0] with { Name = "张伟二" });
        options.Departments.Add(options.Departments[0] with { NameEn = "Quality again" });

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("Staff id 'zhang.wei' is used more than once", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Department id 'quality' is used more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CentreHeadWithWrongRole_ReportsIt()
    {
        var options = StaffDirectoryOptions.Sample();
        options.CentreHeadId = "li.na";

        var errors = options.Validate();

        var error = Assert.Single(errors);
        Assert.Contains("CentreHeadId 'li.na' has role Manager", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCentreHead_ReportsIt()
    {
        var options = StaffDirectoryOptions.Sample();
        options.CentreHeadId = "";

        var errors = options.Validate();

        Assert.Equal(["StaffDirectory:CentreHeadId is required."], errors);
    }

    [Fact]
    public void Validate_SupervisorBelowSupervisorRole_ReportsIt()
    {
        var options = StaffDirectoryOptions.Sample();
        options.Departments[1] = options.Departments[1] with { SupervisorId = "zhang.wei" };

        var errors = options.Validate();

        var error = Assert.Single(errors);
        Assert.Contains("'service' supervisor 'zhang.wei' has role Staff", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StaffInUnknownDepartmentOrWithoutEmail_ReportsBoth()
    {
        var options = StaffDirectoryOptions.Sample();
        options.Staff.Add(new StaffMember("new.hire", "新人", "", "marketing", StaffRole.Staff));

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("'new.hire' has no valid email", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'new.hire' belongs to unknown department 'marketing'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Empty_ReportsCentreHeadAndEveryCategory()
    {
        var options = new StaffDirectoryOptions();

        var errors = options.Validate();

        Assert.Equal(1 + Enum.GetValues<Category>().Length, errors.Count);
    }
}
