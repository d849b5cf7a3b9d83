using System.Security.Cryptography;
using System.Text;

namespace ServerlessComplaints.Workflow.Inbound;

/// <summary>The SHA-256 of a Message-ID (client-chosen text): the log's key, and in short form part of timeline and mail ids.</summary>
internal static class InboundMessageKey
{
    public static string Of(string messageId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));

    public static string Short(string key) => key[..16];

    /// <summary>The deterministic id base of everything one mail adds to a case: <c>{tn}-in-{hash}</c>.</summary>
    public static string EntryId(string trackingNumber, string key) => $"{trackingNumber}-in-{Short(key)}";
}
