using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ServerlessComplaints.Workflow.Cases;
using ServerlessComplaints.Workflow.Intake;

namespace ServerlessComplaints.Workflow.Workspace;

/// <summary>
/// The terms a case is found by, and the terms a query needs. Tracking number, customer name, email and phone are
/// stored only as SHA-256 hashes (<c>t:</c>, <c>n:</c>, <c>e:</c>, <c>p:</c>) and match whole; words of the subject and
/// description are stored lowercased (<c>w:</c>), Chinese, Japanese and Korean text as single characters and
/// character pairs, so that <c>加热</c> finds "座椅加热不工作". Only the first
/// <see cref="MaxDescriptionLength"/> characters of a description and at most <see cref="MaxTermsPerCase"/> terms are kept.
/// </summary>
public static class SearchTerms
{
    public const int MaxDescriptionLength = 2_000;

    public const int MaxTermsPerCase = 1_500;

    public const int MaxTermLength = 64;

    private const int MinPhoneDigits = 5;

    // Mainland mobile numbers have 11 digits; "+86 138…" is then also found by "138…".
    private const int NationalPhoneDigits = 11;

    /// <summary>The distinct terms of a case, in ordinal order.</summary>
    public static IReadOnlyList<string> Of(ComplaintRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var details = record.Details;
        var terms = new HashSet<string>(StringComparer.Ordinal) { Hashed('t', details.TrackingNumber.Trim().ToUpperInvariant()) };
        foreach (var name in NameKeys(details.Customer.Name))
        {
            terms.Add(Hashed('n', name));
        }

        if (details.Customer.Email is { Length: > 0 } email)
        {
            terms.Add(Hashed('e', email.Trim().ToLowerInvariant()));
        }

        foreach (var phone in PhoneKeys(details.Customer.Phone))
        {
            terms.Add(Hashed('p', phone));
        }

        var description = details.Description.Length > MaxDescriptionLength ? details.Description[..MaxDescriptionLength] : details.Description;
        foreach (var word in Words(details.Subject).Concat(Words(description)))
        {
            if (terms.Count >= MaxTermsPerCase)
            {
                break;
            }

            terms.Add(word);
        }

        return [.. terms.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// What a query can mean: a tracking number, an email, a phone number, a customer's name, or words. Each
    /// alternative lists terms a case must all have; a case matches when it has every term of one alternative.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Query(string? text)
    {
        var query = text?.Trim() ?? "";
        if (query.Length == 0)
        {
            return [];
        }

        var alternatives = new List<IReadOnlyList<string>>();
        if (TrackingNumber.IsValid(query.ToUpperInvariant()))
        {
            // A tracking number or an email address means just that: its pieces are not searched as words.
            return [[Hashed('t', query.ToUpperInvariant())]];
        }

        if (query.Contains('@', StringComparison.Ordinal) && !query.Any(char.IsWhiteSpace))
        {
            return [[Hashed('e', query.ToLowerInvariant())]];
        }

        if (query.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')') && CustomerMatch.PhoneKey(query) is { Length: >= MinPhoneDigits } digits)
        {
            alternatives.Add([Hashed('p', digits)]);
        }

        if (NameKeys(query).FirstOrDefault() is { } name)
        {
            alternatives.Add([Hashed('n', name)]);
        }

        var words = QueryWords(query).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count > 0)
        {
            alternatives.Add(words);
        }

        return alternatives;
    }

    /// <summary>True when <paramref name="caseTerms"/> satisfies one alternative of <paramref name="query"/>.</summary>
    public static bool Matches(IReadOnlyList<IReadOnlyList<string>> query, IReadOnlyCollection<string> caseTerms)
    {
        var set = caseTerms as ISet<string> ?? new HashSet<string>(caseTerms, StringComparer.Ordinal);
        return query.Any(alternative => alternative.All(set.Contains));
    }

    private static string Hashed(char kind, string value) =>
        kind + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    // The whole name, and each part of a name of several words ("Li Na" is found by "li na", "li" and "na").
    private static IEnumerable<string> NameKeys(string? name)
    {
        var parts = (name ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            yield break;
        }

        yield return string.Join(' ', parts);
        if (parts.Length > 1)
        {
            foreach (var part in parts)
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<string> PhoneKeys(string? phone)
    {
        if (CustomerMatch.PhoneKey(phone) is not { Length: >= MinPhoneDigits } digits)
        {
            yield break;
        }

        yield return digits;
        if (digits.Length > NationalPhoneDigits)
        {
            yield return digits[^NationalPhoneDigits..];
        }
    }

    // Stored words: every letter/digit word of two or more characters, and every CJK character and character pair.
    private static IEnumerable<string> Words(string text)
    {
        foreach (var (run, cjk) in Runs(text))
        {
            if (!cjk)
            {
                if (run.Length >= 2)
                {
                    yield return Word(run);
                }

                continue;
            }

            for (var i = 0; i < run.Length; i++)
            {
                yield return Word(run.Substring(i, 1));
                if (i + 1 < run.Length)
                {
                    yield return Word(run.Substring(i, 2));
                }
            }
        }
    }

    // Query words: a lone CJK character is looked up as itself, a longer run by its character pairs.
    private static IEnumerable<string> QueryWords(string text)
    {
        foreach (var (run, cjk) in Runs(text))
        {
            if (!cjk)
            {
                if (run.Length >= 2)
                {
                    yield return Word(run);
                }
            }
            else if (run.Length == 1)
            {
                yield return Word(run);
            }
            else
            {
                for (var i = 0; i + 1 < run.Length; i++)
                {
                    yield return Word(run.Substring(i, 2));
                }
            }
        }
    }

    private static string Word(string run) => "w:" + (run.Length > MaxTermLength ? run[..MaxTermLength] : run);

    // Lowercased runs of letters and digits, CJK runs apart from other scripts; everything else separates.
    private static IEnumerable<(string Run, bool Cjk)> Runs(string text)
    {
        var lowered = text.ToLowerInvariant();
        var run = new StringBuilder();
        bool? runIsCjk = null;
        foreach (var c in lowered)
        {
            bool? kind = IsCjk(c) ? true : char.IsLetterOrDigit(c) ? false : null;
            if (kind != runIsCjk && run.Length > 0)
            {
                yield return (run.ToString(), runIsCjk!.Value);
                run.Clear();
            }

            runIsCjk = kind;
            if (kind is not null)
            {
                run.Append(c);
            }
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), runIsCjk!.Value);
        }
    }

    private static bool IsCjk(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter
        && (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF');
}
