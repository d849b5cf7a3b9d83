using System.Text;
using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Tests.Evidence;

/// <summary>Stored and downloaded evidence names end in an extension of the type sniffed from the bytes, never the one claimed.</summary>
public sealed class EvidenceFileExtensionTests
{
    private static readonly byte[] PlainText = Encoding.UTF8.GetBytes("订单 SO-88231：电饭煲无法加热。\n");

    private readonly EvidenceInspector _inspector = new(new IntakeLimits());

    [Theory]
    [InlineData("x.html", "x.html.txt")]
    [InlineData("x.htm", "x.htm.txt")]
    [InlineData("logo.svg", "logo.svg.txt")]
    [InlineData("run.js", "run.js.txt")]
    [InlineData("app.hta", "app.hta.txt")]
    [InlineData("page.xhtml", "page.xhtml.txt")]
    [InlineData("readme", "readme.txt")]
    [InlineData("notes.TXT", "notes.TXT")]
    [InlineData("x.html.", "x.html.txt")]
    [InlineData("说明.txt", "说明.txt")]
    public void Inspect_PlainTextUnderAnyName_StoredAsTxt(string fileName, string expected)
    {
        var inspection = _inspector.Inspect(fileName, PlainText);

        Assert.Equal("text/plain", inspection.ContentType);
        Assert.Equal(expected, inspection.SafeName);
    }

    [Theory]
    [InlineData(nameof(EvidenceSamples.Jpeg), "photo.jpeg", "photo.jpeg")]
    [InlineData(nameof(EvidenceSamples.Jpeg), "photo.JPG", "photo.JPG")]
    [InlineData(nameof(EvidenceSamples.Jpeg), "photo.png", "photo.png.jpg")]
    [InlineData(nameof(EvidenceSamples.Gif89), "anim.html", "anim.html.gif")]
    [InlineData(nameof(EvidenceSamples.WebP), "image", "image.webp")]
    [InlineData(nameof(EvidenceSamples.Pdf), "invoice.svg", "invoice.svg.pdf")]
    [InlineData(nameof(EvidenceSamples.Pdf), "invoice.pdf", "invoice.pdf")]
    public void Inspect_OtherTypes_NameEndsInTheirExtension(string sample, string fileName, string expected)
    {
        var inspection = _inspector.Inspect(fileName, EvidenceSamples.Named(sample));

        Assert.Equal(expected, inspection.SafeName);
    }

    [Theory]
    [InlineData("x.html", "text/plain", "x.html.txt")]
    [InlineData("x.txt", "text/plain", "x.txt")]
    [InlineData("x.txt", "text/html", "x.txt.bin")]
    [InlineData("x.exe", null, "x.exe.bin")]
    public void FileNameFor_StoredNameAndType_DownloadName(string storedName, string? contentType, string expected)
    {
        Assert.Equal(expected, EvidenceInspector.FileNameFor(storedName, contentType));
    }

    [Fact]
    public void FileNameFor_AlreadyFitting_Unchanged()
    {
        var once = EvidenceInspector.FileNameFor("x.html", "text/plain");

        Assert.Equal(once, EvidenceInspector.FileNameFor(once, "text/plain"));
    }
}
