using System.Text;

namespace ServerlessComplaints.Workflow.Tests.Evidence;

/// <summary>The first bytes of real files of each kind, long enough for any sniffer.</summary>
internal static class EvidenceSamples
{
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Png { get; } =
        [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89];

    public static byte[] Gif87 { get; } = [.. "GIF87a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x2C];

    public static byte[] Gif89 { get; } = [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x21, 0xF9, 0x04];

    public static byte[] WebP { get; } = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8, 0x18, 0x00, 0x00, 0x00, 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A];

    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00E2\u00E3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

    public static byte[] ChineseTextWithBom { get; } = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("订单 SO-88231\r\n电饭煲\t无法加热。\f第二页\n")];

    public static byte[] AsciiText { get; } = Encoding.ASCII.GetBytes("Receipt 2026-11-20\nTotal: 299.00\n");

    public static byte[] Exe { get; } = [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    public static byte[] Zip { get; } = [.. "PK"u8, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, .. "invoice.pdf"u8];

    public static byte[] HtmlWithNul { get; } = [.. "<html><script>alert(1)</script>"u8, 0x00, .. "</html>"u8];

    public static byte[] Latin1Text { get; } = [.. "caf"u8, 0xE9, .. " au lait"u8];

    /// <summary>A RIFF container that is not WebP (a WAV file).</summary>
    public static byte[] Wav { get; } = [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVEfmt "u8, 0x10, 0x00, 0x00, 0x00];

    public static byte[] Named(string name) => name switch
    {
        nameof(Jpeg) => Jpeg,
        nameof(Png) => Png,
        nameof(Gif87) => Gif87,
        nameof(Gif89) => Gif89,
        nameof(WebP) => WebP,
        nameof(Pdf) => Pdf,
        nameof(ChineseTextWithBom) => ChineseTextWithBom,
        nameof(AsciiText) => AsciiText,
        nameof(Exe) => Exe,
        nameof(Zip) => Zip,
        nameof(HtmlWithNul) => HtmlWithNul,
        nameof(Latin1Text) => Latin1Text,
        nameof(Wav) => Wav,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown sample."),
    };
}
