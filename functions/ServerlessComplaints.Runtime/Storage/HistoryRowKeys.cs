using System.Globalization;
using System.Security.Cryptography;

namespace ServerlessComplaints.Runtime.Storage;

/// <summary>The row keys of one instance's partition and the key ranges the queries use.</summary>
internal static class HistoryRowKeys
{
    public const string Instance = "instance";

    // Key ranges [from, to): history "h…", inbox "i<digit>…" (not "instance"), timers "t…", activities "a…".
    public static readonly (string From, string To) HistoryRange = ("h", "i");
    public static readonly (string From, string To) InboxRange = ("i0", "i:");
    public static readonly (string From, string To) TimerRange = ("t", "u");
    public static readonly (string From, string To) ActivityRange = ("a", "b");

    // "h" up to "j" holds the history, the inbox and the instance row: what one episode loads.
    public static readonly (string From, string To) EpisodeRange = ("h", "j");

    private static long s_lastInboxTicks;

    public static string Episode(long number) => "h" + number.ToString("D8", CultureInfo.InvariantCulture);

    public static string Timer(int taskId) => "t" + taskId.ToString("D8", CultureInfo.InvariantCulture);

    public static string Activity(int taskId) => "a" + taskId.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A new inbox key: time-ordered (monotonic within this process) and unique across writers.</summary>
    public static string NewInbox()
    {
        long ticks;
        long last;
        do
        {
            last = Volatile.Read(ref s_lastInboxTicks);
            ticks = Math.Max(DateTime.UtcNow.Ticks, last + 1);
        }
        while (Interlocked.CompareExchange(ref s_lastInboxTicks, ticks, last) != last);

        return "i" + ticks.ToString("D19", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetHexString(8, lowercase: true);
    }

    public static bool IsHistory(string rowKey) => rowKey.StartsWith('h');

    public static bool IsInbox(string rowKey) => rowKey.Length > 1 && rowKey[0] == 'i' && char.IsAsciiDigit(rowKey[1]);

    public static int TaskId(string rowKey) => int.Parse(rowKey.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
