using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;

namespace ServerlessComplaints.Workflow.Tests.Assessment;

public sealed class StaffDirectoryTests
{
    private readonly StaffDirectory _directory = new(StaffDirectoryOptions.Sample());

    public static TheoryData<Category> Categories => [.. Enum.GetValues<Category>()];

    [Theory]
    [MemberData(nameof(Categories))]
    public void DepartmentFor_EveryCategory_RoutesToADepartmentWithAnOwner(Category category)
    {
        var department = _directory.DepartmentFor(category);
        var owner = _directory.OwnerFor(category);

        Assert.Equal(department.OwnerId, owner.Id);
        Assert.Equal(StaffRole.Staff, owner.Role);
    }

    [Theory]
    [InlineData(Category.ProductQuality, "quality")]
    [InlineData(Category.ServiceAttitude, "service")]
    [InlineData(Category.Delivery, "logistics")]
    [InlineData(Category.Price, "finance")]
    [InlineData(Category.Facilities, "facilities")]
    [InlineData(Category.Other, "general")]
    public void DepartmentFor_SampleRouting_MatchesTable(Category category, string departmentId)
    {
        var department = _directory.DepartmentFor(category);

        Assert.Equal(departmentId, department.Id);
    }

    [Theory]
    [InlineData(StaffRole.Staff, "zhao.min")]
    [InlineData(StaffRole.Supervisor, "huang.qiang")]
    [InlineData(StaffRole.Manager, "zhou.jie")]
    [InlineData(StaffRole.CentreHead, "gao.feng")]
    public void HolderOf_EachRole_ReturnsThatRungOfTheDepartment(StaffRole role, string staffId)
    {
        var holder = _directory.HolderOf("logistics", role);

        Assert.Equal(staffId, holder.Id);
        Assert.Equal(role, holder.Role);
    }

    [Fact]
    public void HolderOf_UnknownDepartment_ThrowsKeyNotFound()
    {
        var act = () => _directory.HolderOf("marketing", StaffRole.Manager);

        var error = Assert.Throws<KeyNotFoundException>(act);
        Assert.Contains("marketing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownId_ThrowsKeyNotFoundNamingIt()
    {
        var act = () => _directory.Get("nobody");

        var error = Assert.Throws<KeyNotFoundException>(act);
        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_KnownAndUnknownIds_ReturnsMemberOrNull()
    {
        var known = _directory.Find("ZHANG.WEI");
        var unknown = _directory.Find("nobody");

        Assert.Equal("张伟", known?.Name);
        Assert.Null(unknown);
    }

    [Fact]
    public void CentreHead_Sample_IsTheCentreHeadRole()
    {
        var head = _directory.CentreHead;

        Assert.Equal("gao.feng", head.Id);
        Assert.Equal(StaffRole.CentreHead, head.Role);
    }

    [Fact]
    public void GetDepartment_Known_HasBothNames()
    {
        var department = _directory.GetDepartment("facilities");

        Assert.Equal("物业部", department.NameZh);
        Assert.Equal("Facilities", department.NameEn);
    }

    [Fact]
    public void All_Sample_ListsEveryone()
    {
        var all = _directory.All;

        Assert.Equal(19, all.Count);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheErrors()
    {
        var options = StaffDirectoryOptions.Sample();
        options.Routing.Remove("other");

        var act = () => new StaffDirectory(options);

        var error = Assert.Throws<ArgumentException>(act);
        Assert.Contains("'other'", error.Message, StringComparison.Ordinal);
    }
}
