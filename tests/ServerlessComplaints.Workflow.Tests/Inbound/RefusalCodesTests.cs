using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Inbound;
using ServerlessComplaints.Workflow.Intake;
using ServerlessComplaints.Workflow.Tests.Evidence;

namespace ServerlessComplaints.Workflow.Tests.Inbound;

public class RefusalCodesTests
{
    private static readonly IntakeLimits Limits = new();
    private static readonly EvidenceInspector Inspector = new(Limits);

    // The contents by name: xUnit serializes theory data at discovery element by element, and an 11 MB byte array as
    // data took the test host minutes and gigabytes before the first test ran.
    private static readonly Dictionary<string, Func<byte[]>> Contents = new(StringComparer.Ordinal)
    {
        ["exe"] = () => EvidenceSamples.Exe,
        ["empty"] = () => [],
        ["huge-jpeg"] = () => [.. EvidenceSamples.Jpeg, .. new byte[11 * 1024 * 1024]],
        ["jpeg"] = () => EvidenceSamples.Jpeg,
    };

    public static TheoryData<string, string, string> RefusedFiles() => new()
    {
        { "setup.exe", "exe", RefusalCodes.FileType },
        { "empty.jpg", "empty", RefusalCodes.FileEmpty },
        { "huge.jpg", "huge-jpeg", RefusalCodes.FileTooLarge },
        { "../photo.jpg", "jpeg", RefusalCodes.FileName },
        { ".hidden.jpg", "exe", RefusalCodes.FileName },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void OfFile_RefusedByTheInspector_TheReasonItChecked(string name, string contentName, string code)
    {
        var content = Contents[contentName]();
        var inspection = Inspector.Inspect(name, content);

        Assert.False(inspection.IsAccepted);
        Assert.Equal(code, RefusalCodes.OfFile(inspection, content.Length, Limits));
    }

    [Fact]
    public void OfBatch_TooManyAndTooLarge_BothCodes()
    {
        var files = Enumerable.Range(0, Limits.MaxEvidenceFiles + 1).Select(i => ((string?)$"{i}.jpg", 5 * 1024 * 1024)).ToList();

        Assert.Equal([RefusalCodes.TooManyFiles, RefusalCodes.TotalTooLarge], RefusalCodes.OfBatch(files, Limits));
        Assert.Empty(RefusalCodes.OfBatch([("a.jpg", 1024)], Limits));
    }

    [Fact]
    public void Limits_AsTimelineParameters_InTheUnitsTheSentencesName()
    {
        var limits = RefusalCodes.Limits(new IntakeLimits { MaxEvidenceFiles = 3, MaxEvidenceFileBytes = 5L * 1024 * 1024 / 2, MaxEvidenceTotalBytes = 20L * 1024 * 1024 });

        Assert.Equal(("2.5", "3", "20"), (limits["maxFileMb"], limits["maxFiles"], limits["maxTotalMb"]));
    }
}
