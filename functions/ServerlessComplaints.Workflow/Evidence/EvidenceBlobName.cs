using System.Security.Cryptography;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Evidence;

/// <summary>Blob names <c>{trackingNumber}/{8 hex}-{safeName}</c>: the random id lets a customer send two files of the same name.</summary>
internal static class EvidenceBlobName
{
    public static string New(string trackingNumber, string safeName)
    {
        if (!TrackingNumber.IsValid(trackingNumber))
        {
            throw new ArgumentException("Not a tracking number.", nameof(trackingNumber));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(safeName);
        if (safeName.AsSpan().ContainsAny('/', '\\') || safeName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("The file name must be the inspector's safe name.", nameof(safeName));
        }

        return $"{trackingNumber}/{RandomNumberGenerator.GetHexString(8, lowercase: true)}-{safeName}";
    }

    /// <summary>The listing prefix of a case's files; refuses anything that is not a tracking number.</summary>
    public static string Prefix(string trackingNumber) =>
        TrackingNumber.IsValid(trackingNumber)
            ? trackingNumber + "/"
            : throw new ArgumentException("Not a tracking number.", nameof(trackingNumber));

    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
