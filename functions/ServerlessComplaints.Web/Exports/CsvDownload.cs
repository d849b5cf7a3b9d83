using CsvHelper;
using Microsoft.AspNetCore.Http;

namespace ServerlessComplaints.Web.Exports;

/// <summary>
/// A staff export as a CSV download: UTF-8 with a byte order mark (so Excel reads Chinese text as UTF-8), RFC 4180
/// quoting, CRLF, a header row in the page's language. Text that a spreadsheet would run as a formula (= + - @ at the
/// start, customers' own words among it) is escaped with a leading apostrophe; numbers are written as numbers.
/// </summary>
public sealed record CsvDownload(string FileName, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows)
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
    };

    /// <summary>The file's bytes: the BOM, the header, a record per row.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var row in Rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(value);
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The download: <c>text/csv</c>, attachment with the file name.</summary>
    public IResult ToResult() => Results.File(ToBytes(), ContentType, FileName);
}
