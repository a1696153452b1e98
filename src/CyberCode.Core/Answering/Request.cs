using System.Text.RegularExpressions;

namespace CyberCode.Core.Answering;

/// <summary>What a person asked for, once the command grammar has been applied.</summary>
internal enum RequestKind
{
    Help,
    Thanks,
    About,
    Section,
    Define,
    Changes,
    Timeline,
    Notes,
    When,
    Source,
    Search,
    Question,
}

/// <summary>A parsed request: its kind and its argument (the term, passage id, search words or question).</summary>
internal sealed record Request(RequestKind Kind, string Argument);

/// <summary>
/// The grammar every channel shares: <c>define X</c> / <c>what is X</c> / <c>what does X mean</c>;
/// <c>what changed in 2015</c> / <c>changes</c> / <c>compare 2011 2015</c>; <c>timeline</c>,
/// <c>when did …</c>; <c>source I.5</c> / <c>passage I.5</c>; <c>search WORDS</c>; <c>help</c>;
/// anything else is a free question.
/// </summary>
internal static partial class RequestParser
{
    public static Request Parse(string cleaned)
    {
        var text = TrailingPunctuation().Replace(cleaned, string.Empty).Trim();
        var lower = text.ToLowerInvariant();
        if (lower.Length == 0 || Help().IsMatch(lower))
        {
            return new Request(RequestKind.Help, string.Empty);
        }

        if (Thanks().IsMatch(lower))
        {
            return new Request(RequestKind.Thanks, string.Empty);
        }

        if (About().IsMatch(lower))
        {
            return new Request(RequestKind.About, string.Empty);
        }

        if (Section().Match(lower) is { Success: true } section)
        {
            return new Request(RequestKind.Section, section.Groups["part"].Value);
        }

        if (Source().Match(text) is { Success: true } source)
        {
            return new Request(RequestKind.Source, source.Groups["id"].Value);
        }

        if (Search().Match(text) is { Success: true } search)
        {
            return new Request(RequestKind.Search, search.Groups["words"].Value);
        }

        if (Changes().IsMatch(lower))
        {
            return new Request(RequestKind.Changes, string.Empty);
        }

        if (Timeline().IsMatch(lower))
        {
            return new Request(RequestKind.Timeline, string.Empty);
        }

        if (Notes().IsMatch(lower))
        {
            return new Request(RequestKind.Notes, string.Empty);
        }

        if (When().IsMatch(lower))
        {
            return new Request(RequestKind.When, text);
        }

        foreach (var pattern in new[] { DefinePrefix(), DefineSuffix() })
        {
            if (pattern.Match(text) is { Success: true } define && define.Groups["term"].Value.Trim() is { Length: > 0 } term)
            {
                return new Request(RequestKind.Define, term);
            }
        }

        return new Request(RequestKind.Question, text);
    }

    /// <summary>The name in "who is X" / "who was X" / "whos X", or null.</summary>
    public static string? WhoIs(string cleaned) =>
        WhoIsPattern().Match(TrailingPunctuation().Replace(cleaned, string.Empty).Trim()) is { Success: true } m ? m.Groups["name"].Value : null;

    /// <summary>"can u write my essay on cyber security", "do my homework", "give me a thesis statement".</summary>
    public static bool Homework(string cleaned) => HomeworkPattern().IsMatch(cleaned);

    [GeneratedRegex(@"\b(?:write|do|finish|complete)\s+(?:me\s+)?(?:my|our|an?)\s+(?:[\w-]+\s+){0,3}?(?:essay|homework|assignment|paper|report|memo|thesis|coursework)\b|\bhelp me (?:with|do|write|finish)\s+(?:my|an?)\b|\b(?:give|write) me an? (?:thesis|essay|outline|paper)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HomeworkPattern();

    [GeneratedRegex(@"^(?:who(?:'s|s| is| was)|who is|whos)\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoIsPattern();

    [GeneratedRegex(@"[\s?!.。？！]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"^(?:/?help|\?|commands|menu|start|what can you do|what do you do|how do (?:i|you) use (?:this|you|it)|hi|hello|hey|hiya|yo|good (?:morning|afternoon|evening))$")]
    private static partial Regex Help();

    [GeneratedRegex(@"^(?:about|about (?:the|this) (?:essay|paper)|essay|(?:who(?:'s| is)? )?the (?:author|writer)(?: of (?:this|the|it)\b.*)?|author|writer|who (?:wrote|is the author of|authored|is the writer of) (?:this|it|the essay|the paper|the article|the text|this essay|this paper)\b.*|(?:when|what year) was (?:this|it|the essay|the paper|the article)(?: essay| paper)? (?:written|published|publised|writen)|(?:essay|paper) (?:structure|outline|parts|sections|layout)|how is (?:the|this) (?:essay|paper) (?:organi[sz]ed|structured|divided)|what are the (?:parts|sections) of (?:the|this) (?:essay|paper)|what is (?:this|the) essay(?: about)?|what(?:'s| is) this (?:essay|paper|text|bot)(?: about)?|tl;?dr|summary|overview|gist|(?:give me )?(?:a |the )?(?:summary|overview|gist) of (?:the|this) (?:essay|paper|text)|summari[sz]e(?: (?:the|this) (?:essay|paper|text|whole thing))?)$")]
    private static partial Regex About();

    [GeneratedRegex(@"^(?:thanks?(?: you)?(?: very much| a lot| so much)?|thx|ty|cheers|great|perfect|cool|nice|ok(?:ay)?(?: thanks?)?)$")]
    private static partial Regex Thanks();

    // "part 2", "what does part III say", "summarise section two", "show me part 1"
    [GeneratedRegex(@"^(?:(?:what does|what's in|whats in|what is in|show(?: me)?|read|summari[sz]e|outline(?: of)?)\s+)?(?:the\s+)?(?:part|section)\s+(?<part>1|2|3|i|ii|iii|one|two|three)(?:\s+(?:say|about|cover|of the essay))?$")]
    private static partial Regex Section();

    [GeneratedRegex(@"^(?:/?(?:source|passage|show|quote|cite|read)\s+)?(?:passage\s+)?(?<id>(?:III|II|I|N)\s*\.\s*\d{1,2}|[A-Za-z]{1,4}\s*\.\s*\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex Source();

    [GeneratedRegex(@"^/?(?:search|find|grep|lookup|look up)\s+(?:for\s+)?(?<words>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Search();

    [GeneratedRegex(@"^(?:/?changes|what changed|what(?:'s| has| is)? (?:changed|new|different)(?: in (?:the )?2015(?: version| draft)?)?|what changed in (?:the )?(?:2015|code)(?: version| draft)?|compare(?: .*)?|(?:2011|2015)\s*(?:vs\.?|versus|v|and|to|-)\s*(?:2011|2015)(?: versions?| drafts?)?|(?:what(?:'s|s| is| are)? )?(?:the )?(?:differences?|diffs?)(?: between (?:the )?(?:2011 and 2015|2015 and 2011|two|versions|drafts)(?: (?:versions?|drafts?|codes?))?)?|how did the code change|how (?:did|has) the code changed?)$")]
    private static partial Regex Changes();

    [GeneratedRegex(@"^(?:/?timeline|chronology|key dates|dates|events|history|show (?:me )?the timeline|(?:give me )?(?:a |the )?timeline(?: of (?:events|the code|the essay))?)$")]
    private static partial Regex Timeline();

    [GeneratedRegex(@"^(?:/?notes|references|sources|bibliography|citations|(?:list|show)(?: me)? the (?:notes|sources|references)|what are the (?:notes|references)|(?:the )?essay'?s (?:notes|sources|references))$")]
    private static partial Regex Notes();

    [GeneratedRegex(@"^(?:when\b|what year\b|what date\b|in what year\b|on what date\b|which year\b|what happened (?:in|on|during|after|before)\b|what happened in \d{4})")]
    private static partial Regex When();

    [GeneratedRegex(@"^(?:/?define|definition(?: of)?|meaning of|def|what(?:'s| is| are|s)(?: meant by| the meaning of| the definition of)?|what does|wat is|wht is|explain(?: the term)?)\s+(?<term>.+?)(?:\s+(?:mean|means|meant|stand(?:s)? (?:for|fo|4)|refer(?:s)? to|mean (?:in (?:the|this) (?:essay|paper|text)|here)))?$", RegexOptions.IgnoreCase)]
    private static partial Regex DefinePrefix();

    [GeneratedRegex(@"^(?<term>.+?)\s+(?:meaning|definition|defined|stands for)$", RegexOptions.IgnoreCase)]
    private static partial Regex DefineSuffix();
}
