using ServerlessComplaints.Workflow.Evidence;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Tests.Evidence;

public class EvidenceInspectorTests
{
    private readonly EvidenceInspector _inspector = new(new IntakeLimits());

    [Theory]
    [InlineData(nameof(EvidenceSamples.Jpeg), "image/jpeg")]
    [InlineData(nameof(EvidenceSamples.Png), "image/png")]
    [InlineData(nameof(EvidenceSamples.Gif87), "image/gif")]
    [InlineData(nameof(EvidenceSamples.Gif89), "image/gif")]
    [InlineData(nameof(EvidenceSamples.WebP), "image/webp")]
    [InlineData(nameof(EvidenceSamples.Pdf), "application/pdf")]
    [InlineData(nameof(EvidenceSamples.ChineseTextWithBom), "text/plain")]
    [InlineData(nameof(EvidenceSamples.AsciiText), "text/plain")]
    public void Inspect_AllowedType_IsSniffedFromTheBytes(string sample, string expected)
    {
        var content = EvidenceSamples.Named(sample);

        var inspection = _inspector.Inspect("evidence.bin", content);

        Assert.True(inspection.IsAccepted, inspection.Error);
        Assert.Equal(expected, inspection.ContentType);
    }

    [Theory]
    [InlineData(nameof(EvidenceSamples.Exe), "setup.pdf")]
    [InlineData(nameof(EvidenceSamples.Zip), "photos.zip")]
    [InlineData(nameof(EvidenceSamples.HtmlWithNul), "receipt.txt")]
    [InlineData(nameof(EvidenceSamples.Latin1Text), "note.txt")]
    [InlineData(nameof(EvidenceSamples.Wav), "voice.webp")]
    public void Inspect_TypeOutsideTheAllowList_IsRefusedWhateverTheName(string sample, string fileName)
    {
        var content = EvidenceSamples.Named(sample);

        var inspection = _inspector.Inspect(fileName, content);

        Assert.False(inspection.IsAccepted);
        Assert.Equal("file type not allowed (JPEG, PNG, GIF, WebP, PDF or plain text)", inspection.Error);
        Assert.Null(inspection.ContentType);
    }

    [Fact]
    public void Inspect_PngNamedPdf_IsImagePngNamedPng()
    {
        var inspection = _inspector.Inspect("invoice.pdf", EvidenceSamples.Png);

        Assert.True(inspection.IsAccepted);
        Assert.Equal("image/png", inspection.ContentType);
        Assert.Equal("invoice.pdf.png", inspection.SafeName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("../../etc/passwd")]
    [InlineData("photos/receipt.png")]
    [InlineData("C:\\Users\\wang\\receipt.png")]
    [InlineData("receipt.png:hidden")]
    [InlineData("receipt..png")]
    [InlineData(".htaccess")]
    [InlineData("receipt\r\n.png")]
    [InlineData("receipt\u0000.png")]
    public void Inspect_BadFileName_IsRefused(string? fileName)
    {
        var inspection = _inspector.Inspect(fileName, EvidenceSamples.Png);

        Assert.False(inspection.IsAccepted);
        Assert.StartsWith("file name", inspection.Error, StringComparison.Ordinal);
        Assert.Null(inspection.SafeName);
    }

    [Fact]
    public void Inspect_FileNameOver100Characters_IsRefused()
    {
        var inspection = _inspector.Inspect(new string('a', 97) + ".png", EvidenceSamples.Png);

        Assert.Equal("file name must be at most 100 characters", inspection.Error);
    }

    [Fact]
    public void Inspect_FileNameOf100Characters_IsAccepted()
    {
        var inspection = _inspector.Inspect(new string('a', 96) + ".png", EvidenceSamples.Png);

        Assert.True(inspection.IsAccepted);
    }

    [Theory]
    [InlineData("发票 照片 (1).png", "发票 照片 (1).png")]
    [InlineData("receipt_2026-11-20.v2.png", "receipt_2026-11-20.v2.png")]
    [InlineData("a&b<c>\"d'.png", "a_b_c__d_.png")]
    [InlineData("invoice\u202Egnp.exe", "invoice_gnp.exe.png")]
    [InlineData("  padded.png  ", "padded.png")]
    [InlineData("\U00020000 rare.png", "\U00020000 rare.png")]
    [InlineData("smile\U0001F600.png", "smile_.png")]
    public void Inspect_FileName_KeepsLettersDigitsSpacesAndReplacesTheRest(string fileName, string expected)
    {
        var inspection = _inspector.Inspect(fileName, EvidenceSamples.Png);

        Assert.Equal(expected, inspection.SafeName);
    }

    [Fact]
    public void Inspect_EmptyFile_IsRefused()
    {
        var inspection = _inspector.Inspect("empty.txt", []);

        Assert.Equal("file is empty", inspection.Error);
    }

    [Fact]
    public void Inspect_FileOverTheLimit_IsRefusedWithTheLimitInMegabytes()
    {
        var content = new byte[(10 * 1024 * 1024) + 1];
        EvidenceSamples.Jpeg.CopyTo(content, 0);

        var inspection = _inspector.Inspect("large.jpg", content);

        Assert.Equal("file is larger than 10 MB", inspection.Error);
    }

    [Fact]
    public void Inspect_FileAtTheLimit_IsAccepted()
    {
        var inspector = new EvidenceInspector(new IntakeLimits { MaxEvidenceFileBytes = EvidenceSamples.Jpeg.Length });

        var inspection = inspector.Inspect("exact.jpg", EvidenceSamples.Jpeg);

        Assert.True(inspection.IsAccepted);
    }
}
