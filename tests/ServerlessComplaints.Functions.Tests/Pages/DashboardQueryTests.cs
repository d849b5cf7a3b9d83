using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using ServerlessComplaints.Web.Exports;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Functions.Tests.Pages;

public sealed class DashboardQueryTests
{
    private static readonly StaffDirectory Directory = new(StaffDirectoryOptions.Sample());
    private static readonly DateOnly Today = new(2026, 11, 26); // a Thursday

    [Fact]
    public void Read_Nothing_TheLastTwelveWeeksFromAMonday()
    {
        var query = Read("li.na");

        Assert.Empty(query.Errors);
        Assert.False(query.Forbidden);
        Assert.Equal(new DashboardFilter(new DateOnly(2026, 9, 7), Today), query.Filter);
        Assert.Equal(DayOfWeek.Monday, query.Filter.From.DayOfWeek);
        Assert.Equal("2026-09-07", query["from"]);
    }

    [Fact]
    public void Read_EveryField_TheFilterWithTheDirectorysDepartmentId()
    {
        var query = Read("gao.feng", ("from", "2026-01-05"), ("to", "2026-03-29"), ("department", "Quality"), ("location", " 浦东店 "), ("category", "delivery"));

        Assert.Empty(query.Errors);
        Assert.Equal(new DashboardFilter(new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 29), "quality", "浦东店", Category.Delivery), query.Filter);
    }

    [Fact]
    public void Read_Supervisor_OwnDepartmentSetAnotherForbidden_StaffForbidden()
    {
        Assert.Equal("quality", Read("wang.lei").Filter.DepartmentId);
        Assert.True(Read("wang.lei", ("department", "service")).Forbidden);
        Assert.False(Read("wang.lei", ("department", "quality")).Forbidden);
        Assert.True(Read("zhang.wei").Forbidden);
        Assert.Null(Read("li.na").Filter.DepartmentId);
    }

    [Theory]
    [InlineData("from", "2026-02-30", "from", "date")]
    [InlineData("to", "yesterday", "to", "date")]
    [InlineData("from", "2026-12-01", "to", "range")]
    [InlineData("from", "2025-10-01", "to", "span")]
    [InlineData("department", "nowhere", "department", "choice")]
    [InlineData("category", "food", "category", "choice")]
    public void Read_BadValue_ErrorForItsField(string field, string value, string errorField, string code)
    {
        var query = Read("li.na", (field, value));

        Assert.Equal(code, Assert.Contains(errorField, query.Errors));
        Assert.Equal(value, query[field]);
    }

    [Fact]
    public void CsvDownload_ChineseAndAFormula_BomQuotedEscapedNumbersAsNumbers()
    {
        var csv = new CsvDownload("x.csv", ["主题", "金额"], [["=HYPERLINK(\"x\"),电水壶", 12.5m], ["漏水", -3]]);

        var bytes = csv.ToBytes();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("主题,金额\r\n\"'=HYPERLINK(\"\"x\"\"),电水壶\",12.5\r\n漏水,-3\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    private static DashboardQuery Read(string staffId, params (string Name, string Value)[] fields) =>
        DashboardQuery.Read(new QueryCollection(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value))), Directory.Get(staffId), Directory, Today);
}
