using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>The headers the webhook acts on, picked from a MIME header list; and a Message-ID for mail that lacks one.</summary>
internal static class InboundHeaders
{
    /// <summary>Headers that reveal automatic mail (RFC 3834 and the common vendor ones) or a delivery report.</summary>
    public static readonly string[] Kept =
    [
        "Auto-Submitted", "X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Response-Suppress", "Precedence",
        "X-Failed-Recipients", "Content-Type", "Return-Path", "In-Reply-To", "References", "List-Id",
    ];

    public static Dictionary<string, string> Pick(HeaderList headers)
    {
        var picked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Kept)
        {
            if (headers.IndexOf(name) >= 0)
            {
                picked[name] = (headers[name] ?? "").Trim();
            }
        }

        return picked;
    }

    public static HeaderList Load(byte[]? block)
    {
        if (block is null || block.Length == 0)
        {
            return [];
        }

        // The field is a header block without the blank line that ends it; add one so the parser stops cleanly.
        using var stream = new MemoryStream([.. block, (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n']);
        return HeaderList.Load(ParserOptions.Default, stream);
    }

    /// <summary>The Message-ID without angle brackets, or a stable hash of the mail's content when it has none.</summary>
    public static string MessageId(string? header, string from, string subject, string? date, string text)
    {
        var id = header?.Trim().Trim('<', '>').Trim();
        if (!string.IsNullOrEmpty(id))
        {
            return id;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', from, subject, date ?? "", text)));
        return "content-" + Convert.ToHexStringLower(hash);
    }
}
