using System.Text;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>Decodes the bytes of an Inbound Parse field by the charset SendGrid names for it in the <c>charsets</c> field.</summary>
internal static class InboundCharsets
{
    static InboundCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes GB2312, GBK and Big5 available (to MimeKit too); safe to call more than once.</summary>
    public static void EnsureRegistered() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? charset) => For(charset).GetString(bytes);

    /// <summary>The encoding for a MIME charset name; UTF-8 when the name is missing or unknown.</summary>
    public static Encoding For(string? charset)
    {
        var name = charset?.Trim().Trim('"').ToLowerInvariant();
        switch (name)
        {
            case null or "" or "utf-8" or "utf8" or "us-ascii" or "ascii":
                return Encoding.UTF8;

            // Mail labelled GB2312 is routinely GBK; GB18030 is a superset of both, so nothing valid is mangled.
            case "gb2312" or "gbk" or "cp936" or "x-gbk" or "euc-cn" or "gb_2312-80" or "gb18030":
                return Encoding.GetEncoding("GB18030");
            case "big5" or "big5-hkscs" or "cp950" or "x-x-big5":
                return Encoding.GetEncoding(950);
            default:
                try
                {
                    return Encoding.GetEncoding(name);
                }
                catch (ArgumentException)
                {
                    return Encoding.UTF8;
                }
        }
    }
}
