using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Tests.Evidence;

public class EvidenceBatchCheckTests
{
    private const int Megabyte = 1024 * 1024;

    private static readonly IntakeLimits Limits = new();

    [Fact]
    public void Check_WithinLimits_IsEmpty()
    {
        var files = Enumerable.Range(1, 5).Select(i => ((string?)$"photo{i}.jpg", 5 * Megabyte)).ToList();

        var errors = EvidenceBatchCheck.Check(files, Limits);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_MoreFilesThanAllowed_ReportsTheCount()
    {
        var files = Enumerable.Range(1, 6).Select(i => ((string?)$"photo{i}.jpg", 1000)).ToList();

        var errors = EvidenceBatchCheck.Check(files, Limits);

        Assert.Equal(["at most 5 files may be attached"], errors["evidence"]);
    }

    [Fact]
    public void Check_TotalOverTheLimit_ReportsTheTotalInMegabytes()
    {
        var files = new List<(string?, int)> { ("a.jpg", 10 * Megabyte), ("b.jpg", 10 * Megabyte), ("c.jpg", (5 * Megabyte) + 1) };

        var errors = EvidenceBatchCheck.Check(files, Limits);

        Assert.Equal(["files may total at most 25 MB"], errors["evidence"]);
    }

    [Fact]
    public void Check_TooManyAndTooLarge_ReportsBoth()
    {
        var files = Enumerable.Range(1, 7).Select(i => ((string?)$"photo{i}.jpg", 9 * Megabyte)).ToList();

        var errors = EvidenceBatchCheck.Check(files, Limits);

        Assert.Equal(2, errors["evidence"].Length);
    }
}
