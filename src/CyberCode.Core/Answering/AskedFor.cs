using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering;

/// <summary>
/// What kind of fact a question asks for, and whether the passage an answer would cite can
/// supply it. Students often ask about a topic the essay covers for a detail it never gives
/// ("how many internet users does china have", "how old is xi jinping"): the closest passage is
/// about the right topic, so neither words nor meaning can tell it from a real answer, but it
/// holds no number. A question after a count must be answered by a passage with a count in it,
/// one after a date by a passage (or an event) with a date in it, and one that names a year by
/// a text that names that year.
/// </summary>
internal static partial class AskedFor
{
    /// <summary>
    /// 1 when the question asks for a count or a date that the cited text cannot give, or names a
    /// year when the cited text is dated otherwise ("what did the 2013 gge report conclude"
    /// answered with the 2010 report), else 0.
    /// </summary>
    public static double Missing(string question, Target target, Essay essay)
    {
        var asksNumber = Number().IsMatch(question);
        var asksDate = !asksNumber && Date().IsMatch(question);
        var years = Year().Matches(question).Select(m => m.Value).ToList();
        if (!asksNumber && !asksDate && years.Count == 0)
        {
            return 0;
        }

        string text;
        if (target.Passage is { } passage)
        {
            text = passage.Text;
        }
        else
        {
            var entry = target.Entry!;
            var cited = entry.Citations.Select(c => essay.Find(c.PassageId)?.Text ?? c.Quote);
            text = string.Join(" ", cited.Prepend(entry.Text).Prepend(entry.Title).Append(entry.Date?.ToString() ?? string.Empty));
            if (asksDate && entry.Date is not null)
            {
                asksDate = false;
            }
        }

        // A text dated otherwise and naming none of the question's years is about another time
        // ("the 2013 report" answered by the 2010 one); a text with no year at all may well be
        // about the right one ("the 2013 nsa leaks" answered by "following the Snowden
        // disclosures"), and "from 2011 to 2015" needs only one of them.
        if (years.Count > 0 && !years.Any(y => text.Contains(y, StringComparison.Ordinal)) && Year().IsMatch(text))
        {
            return 1;
        }

        var missing = (asksNumber && !Count().IsMatch(Year().Replace(text, " "))) || (asksDate && !Year().IsMatch(text) && !Month().IsMatch(text));
        return missing ? 1 : 0;
    }

    [GeneratedRegex(@"\bhow (many|much|old|tall|big|large|long|often|far)\b|\bnumber of\b|\bpercent(age)?\b|\bpopulation\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*when\b|\bwhen (did|was|is|were|will|does|do|had|has)\b|\b(what|which) (year|date|month|day)\b|\bhow long ago\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex Month();

    // A count: digits (years taken out first) or a number word.
    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|millions|billion|billions|half|percent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Count();
}
