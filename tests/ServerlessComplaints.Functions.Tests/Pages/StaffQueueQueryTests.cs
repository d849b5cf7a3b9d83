using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using ServerlessComplaints.Web.Staff;
using ServerlessComplaints.Workflow.Assessment;
using ServerlessComplaints.Workflow.Domain;
using ServerlessComplaints.Workflow.Lifecycle;
using ServerlessComplaints.Workflow.Workspace;

namespace ServerlessComplaints.Functions.Tests.Pages;

public sealed class StaffQueueQueryTests
{
    private static readonly StaffDirectory Directory = new(StaffDirectoryOptions.Sample());

    [Fact]
    public void Read_EveryField_TheRequest()
    {
        var query = Read(("scope", "all"), ("q", " 加热 "), ("stage", "approval"), ("kind", "inquiry"), ("category", "delivery"), ("location", "浦东店"), ("department", "Quality"),
            ("owner", "zhang.wei"), ("overdue", "on"), ("escalated", "yes"), ("from", "2026-11-01"), ("to", "2026-11-30"), ("sort", "escalation"), ("page", "3"));

        Assert.Empty(query.Errors);
        Assert.Equal(
            new StaffQueueRequest(QueueScope.All, CaseStage.Approval, ComplaintKind.Inquiry, Category.Delivery, "浦东店", "Quality", "zhang.wei", true, true,
                new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "加热", QueueSort.Escalation, 3, StaffQueueQuery.PageSize),
            query.Request);
        Assert.Equal("yes", query["overdue"]);
    }

    [Fact]
    public void Read_Nothing_MyCasesByDeadlineFirstPage()
    {
        var query = Read(("stage", " "), ("q", ""));

        Assert.Empty(query.Errors);
        Assert.Equal(new StaffQueueRequest(PageSize: StaffQueueQuery.PageSize), query.Request);
    }

    [Theory]
    [InlineData("加热", null, QueueSort.Received)]
    [InlineData("加热", "due", QueueSort.Due)]
    [InlineData(null, null, QueueSort.Due)]
    public void Read_Search_NewestFirstUnlessSorted(string? search, string? sort, QueueSort expected)
    {
        var query = Read(("q", search ?? ""), ("sort", sort ?? ""));

        Assert.Empty(query.Errors);
        Assert.Equal(expected, query.Request.Sort);
    }

    [Theory]
    [InlineData("scope", "everyone", "choice")]
    [InlineData("stage", "unknown", "choice")]
    [InlineData("stage", "Investigation", "choice")]
    [InlineData("kind", "1", "choice")]
    [InlineData("department", "nowhere", "choice")]
    [InlineData("owner", "nobody", "choice")]
    [InlineData("overdue", "maybe", "flag")]
    [InlineData("from", "2026-02-30", "date")]
    [InlineData("to", "30/11/2026", "date")]
    [InlineData("sort", "owner", "choice")]
    [InlineData("page", "0", "page")]
    [InlineData("page", "10001", "page")]
    [InlineData("page", "-1", "page")]
    public void Read_BadValue_TheFieldsError(string field, string value, string code)
    {
        var query = Read((field, value));

        Assert.Equal(code, Assert.Single(query.Errors, e => e.Key == field).Value);
        Assert.Equal(value, query[field]);
    }

    [Fact]
    public void Read_LongTextAndReversedDates_Errors()
    {
        var query = Read(("q", new string('长', StaffQueueQuery.MaxTextLength + 1)), ("from", "2026-11-30"), ("to", "2026-11-01"));

        Assert.Equal(["q", "to"], query.Errors.Keys);
        Assert.Equal("too-long", query.Errors["q"]);
        Assert.Equal("range", query.Errors["to"]);
    }

    [Fact]
    public void Link_ChangesSomeFields_KeepsTheOthersDropsThePage()
    {
        var query = Read(("scope", "department"), ("q", "加热"), ("owner", "wang.lei"), ("page", "4"), ("reassigned", "2"));

        var mine = query.Link("en", ("scope", null), ("owner", null));
        var next = query.Link("zh-CN", ("page", "5"));

        Assert.Equal("/staff?lang=en&q=%E5%8A%A0%E7%83%AD", mine);
        Assert.Equal("/staff?lang=zh-CN&scope=department&q=%E5%8A%A0%E7%83%AD&owner=wang.lei&page=5", next);
        Assert.Equal(2, query.Reassigned);
        Assert.Null(query.Refused);
    }

    private static StaffQueueQuery Read(params (string Name, string Value)[] fields) =>
        StaffQueueQuery.Read(new QueryCollection(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value), StringComparer.Ordinal)), Directory);
}
