using System.Globalization;
using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering;

/// <summary>
/// What kind of fact a question asks for, and whether the passage an answer would cite can
/// supply it. Students often ask about a topic the essay covers for a detail it never gives
/// ("how many internet users does china have", "how old is xi jinping"): the closest passage is
/// about the right topic, so neither words nor meaning can tell it from a real answer, but it
/// holds no number. A question after a count must be answered by a passage with a count in it,
/// one after a date by a passage (or an event the essay dates) with a date in it, and one that
/// names a year by a text that names that year; likewise someone's age, what an abbreviation
/// stands for, where someone lives or something is based, a country's capital or currency, a count
/// of something the essay never names, who chaired or founded something, how things stand now, a
/// numbered article or section the essay never discusses, someone's job when the passage names no
/// office, and
/// whether something ever happened when the passage never uses the word for it, which countries,
/// companies, universities, programmes or agencies when the passage names none; and, whatever the
/// passage, personal how-to advice and anyone's contact details. Only the essay's text counts,
/// never our entries' wording: the citation has to show the answer.
/// <see cref="AnswerEngine"/> declines such a question, saying which detail is missing.
/// </summary>
internal static partial class AskedFor
{
    /// <summary>
    /// 1 when the question asks for a detail the cited text cannot give (see <see cref="What"/>), else 0.
    /// </summary>
    public static double Missing(string question, Target target, Essay essay) => What(question, target, essay) is null ? 0 : 1;

    /// <summary>
    /// What the essay lacks for the question, as the rest of a sentence that starts "The essay"
    /// ("doesn't give a number for that", "doesn't spell out what ICANN stands for"), or null when
    /// nothing is missing: a count or a date
    /// the text lacks, a year when the text is dated otherwise ("what did the 2013 gge report
    /// conclude" answered with the 2010 report), or one of <see cref="Lacking"/>'s details.
    /// </summary>
    public static string? What(string question, Target target, Essay essay)
    {
        if (Lacking(question, target, essay) is { } lacking)
        {
            return lacking;
        }

        // "why does it matter how many countries recognize the code" asks for a reason, whatever
        // it mentions on the way.
        var asksNumber = Number().IsMatch(question) && !Why().IsMatch(question);
        var asksDate = !asksNumber && Date().IsMatch(question);
        // "what happened after 2011", "did the 2011 draft say …": a year the question starts from,
        // or the name of a draft, is not the time it asks about.
        var years = Year().Matches(question).Where(m => !YearAsReference(question, m)).Select(m => m.Value).ToList();
        if (!asksNumber && !asksDate && years.Count == 0)
        {
            return null;
        }

        // Only the essay's own text counts, as the citation must show the answer: an event's date
        // in our timeline may be inferred ("the Trump administration's executive order", 2017), and
        // an entry's answer is our wording. An event dated relative to another ("a year earlier")
        // is dated by the essay too.
        var text = CitedText(target, essay);
        if (asksDate && target.Entry?.Date is { } date)
        {
            // An event answers "when" when the essay dates it: its own year, not any year nearby.
            return text.Contains(date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) || Relative().IsMatch(text) ? null : "doesn't give a date for that";
        }

        // A text dated otherwise and naming none of the question's years is about another time
        // ("the 2013 report" answered by the 2010 one); a text with no year at all may well be
        // about the right one ("the 2013 nsa leaks" answered by "following the Snowden
        // disclosures"), and "from 2011 to 2015" needs only one of them.
        if (years.Count > 0 && !years.Any(y => text.Contains(y, StringComparison.Ordinal)) && Year().IsMatch(text))
        {
            return $"doesn't say anything about {string.Join(" or ", years.Distinct())} on that";
        }

        if (asksNumber && !Count().IsMatch(Year().Replace(text, " ")))
        {
            return "doesn't give a number for that";
        }

        // "how many votes did the code get": a count of something the essay never names anywhere
        // can only be a count of something else ("the four members"). Countries go by many names
        // ("how many governments backed it": "the four members of the SCO"), so they pass.
        if (asksNumber && Counted().Match(question) is { Success: true } counted
            && !IsGroupNoun(counted.Groups["noun"].Value.ToLowerInvariant())
            && !Count().IsMatch(counted.Groups["noun"].Value)
            && !essay.Passages.Any(p => p.Text.Contains(Singular(counted.Groups["noun"].Value), StringComparison.OrdinalIgnoreCase)))
        {
            return $"doesn't count {counted.Groups["noun"].Value.ToLowerInvariant()}";
        }

        return asksDate && !Year().IsMatch(text) && !Month().IsMatch(text) ? "doesn't give a date for that" : null;
    }

    /// <summary>
    /// The kinds of detail besides counts and dates that students ask for and the essay almost
    /// never gives, each with the words the cited passages must have to give it: someone's age
    /// ("how old is xi jinping": "born", "aged", "years old"), what an abbreviation stands for (its
    /// words, initials in order, in the essay's own text, not in our glossary's definition: the
    /// citation must show it), where someone lives or something is based ("lives in",
    /// "headquartered"), and how things stand now ("how many countries have signed by now",
    /// "currently"), which a 2017 essay can only answer when it speaks of "today" itself.
    /// </summary>
    private static string? Lacking(string question, Target target, Essay essay)
    {
        var essayText = CitedText(target, essay);
        if (Age().IsMatch(question) && !AgeGiven().IsMatch(essayText))
        {
            return "doesn't give anyone's age";
        }

        if (Residence().Match(question) is { Success: true } residence
            && !essayText.Contains(residence.Groups["verb"].Value[..4], StringComparison.OrdinalIgnoreCase))
        {
            return "doesn't say where that is";
        }

        // "capital of uzbekistan", "what currency does russia use": a country's facts, which a
        // passage naming the country does not give unless it uses the word for them.
        if (PlaceFact().Match(question) is { Success: true } fact
            && IsCountry(fact.Groups["place"].Value)
            && !essayText.Contains(fact.Groups["what"].Value, StringComparison.OrdinalIgnoreCase))
        {
            return $"doesn't give a country's {fact.Groups["what"].Value.ToLowerInvariant()}";
        }

        // "when is the next world internet conference", "weather in wuzhen tomorrow": what comes
        // after a 2017 essay, and the weather anywhere, no passage can give.
        if (Future().IsMatch(question))
        {
            return "can't say what comes after it was published (November 2017)";
        }

        if (Weather().IsMatch(question) && !Weather().IsMatch(essayText))
        {
            return "doesn't say anything about the weather";
        }

        // "who has the most pull over the web right now according to the writer": the essay's now.
        if (Now().IsMatch(question) && !NowGiven().IsMatch(essayText) && !EssaysView().IsMatch(question))
        {
            return "can't say how things stand now (it was published in November 2017)";
        }

        // "what does article 20 of the iccpr say", "is section 66a still law": a numbered provision
        // the cited passages never name is one the essay does not discuss, however close its topic
        // ("article 19" is in the essay; "article 20" is not). "2(f)" and "2f" are the same.
        if (Provision().Match(question) is { Success: true } provision
            && !Regex.IsMatch(NoParentheses(essayText), $@"\b{Regex.Escape(NoParentheses(provision.Groups["number"].Value))}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        {
            return $"doesn't discuss {provision.Groups["kind"].Value.ToLowerInvariant()} {provision.Groups["number"].Value}";
        }

        // "what was snowden's job", "what does lewis do for a living": the essay names some people
        // with their office ("Secretary of Defense Robert Gates"); a passage naming no office at
        // all cannot say what anyone's job is.
        if (Job().IsMatch(question) && !Office().IsMatch(essayText))
        {
            return "doesn't say what their job is";
        }

        // "who chaired the 2010 un gge", "who founded huawei", "who is the secretary general of the
        // sco": who held a post or started something, when the passages use neither the word for it
        // nor any office.
        if (WhoHeld().Match(question) is { Success: true } held
            && !essayText.Contains(held.Groups["verb"].Value, StringComparison.OrdinalIgnoreCase)
            && !Office().IsMatch(essayText))
        {
            return "doesn't say who that was";
        }

        // "did the un general assembly ever adopt the code": whether something ever happened, when
        // the passages never use the word for it (they would say "ratified" if it had been).
        if (Ever().Match(question) is { Success: true } ever
            && !essayText.Contains(ever.Groups["verb"].Value, StringComparison.OrdinalIgnoreCase))
        {
            return "doesn't say whether that ever happened";
        }

        // "which six countries were in the expanded group", "which companies were named in the
        // snowden files", "what specific nsa programs did snowden reveal": a request for names,
        // which the cited passages answer only if they name some ("expanded to six members" names
        // none).
        if (NamesWanted().Match(question) is { Success: true } wanted && !NamesSome(wanted.Groups["noun"].Value.ToLowerInvariant(), essayText))
        {
            return $"doesn't name which {wanted.Groups["noun"].Value.ToLowerInvariant()}";
        }

        // "how did uzbekistan vote at wcit", "who invented the internet": an act the cited passages
        // never speak of (the essay mentions no vote, invention or election anywhere).
        if (Unspoken().Match(question) is { Success: true } act && !Number().IsMatch(question)
            && !essayText.Contains(act.Groups["stem"].Value, StringComparison.OrdinalIgnoreCase))
        {
            return act.Groups["stem"].Value.ToLowerInvariant() switch
            {
                "vot" => "doesn't say how anyone voted",
                "invent" => "doesn't say who invented what",
                _ => "doesn't mention any election",
            };
        }

        if (AboutTheReader(question) is { } detail)
        {
            return detail;
        }

        // Only an abbreviation the essay writes in capitals ("ICANN", "CCDCOE"): "what does the
        // code stand for" asks what the Code is about, not for an expansion.
        if (StandsFor().Match(question) is { Success: true } expansion)
        {
            var acronym = (expansion.Groups["a"].Success ? expansion.Groups["a"].Value : expansion.Groups["b"].Value).Replace(".", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            var isAbbreviation = acronym.Length is >= 2 and <= 8 && essay.Passages.Any(p => Regex.IsMatch(p.Text, $@"\b{Regex.Escape(acronym)}\b", RegexOptions.CultureInvariant));
            return isAbbreviation && !Spelled(acronym, essayText) ? $"doesn't spell out what {acronym} stands for" : null;
        }

        return null;
    }

    /// <summary>
    /// Whether one passage lacks the kind of detail the question asks for: any detail of
    /// <see cref="What"/>, a numbered provision ("which article of the ICCPR does it cite": the
    /// passage must name an article), or a person who spoke or wrote ("who gave the 2014 foreign
    /// ministry speech": the passage must name someone by title, or as an author). False when the
    /// question asks for no such detail. Used to cite first, of an entry's quotes, the one that
    /// holds what was asked.
    /// </summary>
    public static bool Lacks(string question, Passage passage, Essay essay) =>
        What(question, Target.ForPassage(passage), essay) is not null
        || (WhichProvision().IsMatch(question) && !ProvisionNamed().IsMatch(passage.Text))
        || (WhoSpoke().IsMatch(question) && !PersonNamed().IsMatch(passage.Text));

    /// <summary>
    /// What no passage of the essay gives, whatever the topic: advice on doing things ("how do i
    /// become a cybersecurity analyst"; the essay is a policy analysis written as China, so "how
    /// should we respond" is its subject) and anyone's contact details. Null otherwise.
    /// </summary>
    public static string? AboutTheReader(string question) =>
        HowDoI().IsMatch(question) ? "doesn't give how-to advice"
        : Contact().IsMatch(question) ? "doesn't give anyone's contact details"
        : null;

    /// <summary>Whether the text names any of what a "which …" question asks for (see <see cref="NamesWanted"/>).</summary>
    private static bool NamesSome(string noun, string text) => noun switch
    {
        "companies" or "firms" or "corporations" or "platforms" => CompanyNamed().IsMatch(text),
        // A named one ("Peking University", "Academy of Sciences"), not "especially in Universities".
        "universities" => Regex.IsMatch(text, @"\b[A-Z]\p{Ll}+ (University|Institute|College|Academy)\b|\b(University|Institute|College|Academy) of [A-Z]", RegexOptions.CultureInvariant),
        "programs" or "programmes" => Regex.IsMatch(text, @"\b(program|PRISM)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
        "agencies" => Regex.IsMatch(text, @"\b(agenc|Ministry|Department|NSA|CIA|FBI)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
        _ => CountryNamed(text),
    };

    /// <summary>
    /// Whether the text names a country ("China", "the US", "the United States"), not "us" the
    /// pronoun, or the organisation they belong to: "the four members of the SCO" is the essay's
    /// answer to "which countries are behind the code".
    /// </summary>
    private static bool CountryNamed(string text) =>
        text.Contains("United States", StringComparison.Ordinal) || text.Contains("SCO", StringComparison.Ordinal)
        || Words().Matches(text).Any(m => m.Value is "US" or "USA" || (char.IsUpper(m.Value[0]) && m.Value != "US" && Countries.Contains(m.Value.ToLowerInvariant())))
        || text.Contains("U.S.", StringComparison.Ordinal);

    /// <summary>Whether a place named in a question (its first one or two words) is a country.</summary>
    private static bool IsCountry(string place)
    {
        var words = place.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && (Countries.Contains(words[0]) || (words.Length > 1 && Countries.Contains(words[0] + " " + words[1])));
    }

    /// <summary>The essay's countries and the world's (<see cref="Outsiders.World"/>, which also names leaders and companies: harmless here).</summary>
    private static readonly HashSet<string> Countries = new(
        Outsiders.World.Concat(["china", "russia", "tajikistan", "uzbekistan", "denmark", "united states", "us", "u.s.", "usa", "america"]),
        StringComparer.Ordinal);

    /// <summary>What a count of states may be called; the essay says "members".</summary>
    private static readonly HashSet<string> GroupNouns = new(StringComparer.Ordinal)
    {
        "countries", "country", "states", "state", "nations", "nation", "governments", "government", "members", "member",
        "sponsors", "sponsor", "parties", "signatories", "supporters", "backers", "co-sponsors", "cosponsors", "sco",
    };

    /// <summary>One of <see cref="GroupNouns"/>, or a slip of the keys from one ("contries", "goverments").</summary>
    private static bool IsGroupNoun(string noun) =>
        GroupNouns.Contains(noun) || (noun.Length >= 5 && GroupNouns.Any(g => g.Length >= 5 && EditDistance.Compute(noun, g, 1) <= 1));

    /// <summary>
    /// Whether a year in the question is a point it starts from ("after 2011", "between 2011 and
    /// 2015", "a year before the 2010 report") or part of a draft's name ("the 2011 draft", "the 2015
    /// version") rather than the time it asks about.
    /// </summary>
    private static bool YearAsReference(string question, Match year)
    {
        var before = question[..year.Index];
        var after = question[(year.Index + year.Length)..];
        return YearFrom().IsMatch(before) || DocumentName().IsMatch(after);
    }

    private static string Singular(string noun) =>
        noun.Length > 3 && noun.EndsWith("ies", StringComparison.OrdinalIgnoreCase) ? noun[..^3] + "y"
        : noun.Length > 3 && noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.OrdinalIgnoreCase) ? noun[..^1]
        : noun;

    /// <summary>"2(f)", "2f" and "2 f" alike.</summary>
    private static string NoParentheses(string text) =>
        Regex.Replace(text, @"(?<=\d)\s(?=[a-z0-9]\b)", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            .Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);

    /// <summary>The essay's text of the passages a target would cite.</summary>
    private static string CitedText(Target target, Essay essay) =>
        target.Passage is { } passage
            ? passage.Text
            : string.Join(" ", target.Entry!.Citations.Select(c => c.PassageId).Distinct(StringComparer.Ordinal).Select(id => essay.Find(id)?.Text ?? string.Empty));

    /// <summary>
    /// Whether the text has words in a row whose initials spell the abbreviation (small words such
    /// as "of" skipped; any case, since the essay writes "information and communication technologies").
    /// </summary>
    internal static bool Spelled(string acronym, string text)
    {
        var initials = Words().Matches(text)
            .Select(m => m.Value)
            .Where(w => !SmallWords.Contains(w))
            .Select(w => char.ToUpperInvariant(w[0]))
            .ToArray();
        return new string(initials).Contains(acronym.ToUpperInvariant().Replace(".", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.OrdinalIgnoreCase) { "of", "on", "for", "the", "and", "in", "to", "at", "&" };

    [GeneratedRegex(@"\bhow old\b(?!\s+(is|was)\s+(this|the)\s+(essay|code|article|paper|document|draft|piece|text|report|agreement|treaty))|\bwhat is the age of\b|\b(his|her|their)\s+age\b|'s age\b|\b(birth ?date|date of birth|birth year)\b|\bborn\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Age();

    [GeneratedRegex(@"\bborn\b|\baged?\b|\byears? old\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeGiven();

    [GeneratedRegex(@"\b(?<verb>headquarter(s|ed)?|live[sd]?|living|located|based|resides?|study|studied|(go|went) to (uni|university|college|school))\b(?<=\bwhere\b.*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Residence();

    [GeneratedRegex(@"\b(?<what>capital|currency|official language|national language|national anthem|flag|time zone|climate)\s+(city\s+)?(of|in)\s+(the\s+)?(?<place>[\p{L}.]+(\s+[\p{L}]+)?)|\bwhat (?<what>currency) (does|do|is) (the\s+)?(?<place>[\p{L}.]+(\s+[\p{L}]+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceFact();

    [GeneratedRegex(@"\b(by now|right now|nowadays|as of (now|today)|anymore|to date)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Now();

    [GeneratedRegex(@"\b(now|today|current(ly)?|present)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NowGiven();

    [GeneratedRegex(@"\b(?<stem>vot)(e|es|ed|ing)\b|\b(?<stem>invent)(s|ed|or|ors|ion)?\b|\b(?<stem>elect)(s|ed|ion|ions)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unspoken();

    [GeneratedRegex(@"\btomorrow\b|\b(next|upcoming|coming)\s+(week|month|year|summit|conference|meeting|session|election)s?\b|\bthe next\s+([\p{L}-]+\s+){0,3}(conference|summit|meeting|session|election|round of talks)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Future();

    [GeneratedRegex(@"\b(weather|forecast|temperature|rain(ing|y)?|sunny)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weather();

    [GeneratedRegex(@"\b(according|acording|accoring)\s+to\s+(the\s+)?(writer|author|essay|article|text|paper|liu)\b|\b(the\s+)?(writer|author|essay|liu)('s)?\s+(say|says|think|thinks|argue|argues|view|claim|claims)\b|\bin the (essay|author's|writer's)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EssaysView();

    [GeneratedRegex(@"\b(?<a>[a-z.]{2,12})\s+(stands?|is short) for\b|\b(full form|full name|abbreviation|acronym) (of|for)\s+(the\s+)?(?<b>[a-z.]{2,12})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandsFor();

    [GeneratedRegex(@"\b(?<kind>article|art\.|section|paragraph|para|clause|chapter|resolution)\s+(?<number>\d+(\([a-z0-9]+\)|[a-z]|\s[a-z0-9](?!\w))?)(?![\w(])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Provision();

    [GeneratedRegex(@"^\W*(?:so |ok |okay |hey |pls |please )?how (?:do|can|should|could|would|will) (?:i|u)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowDoI();

    [GeneratedRegex(@"\bhow many\s+(?:of\s+(?:the\s+|its\s+|their\s+)?|more\s+|other\s+|different\s+|separate\s+)?(?<noun>\p{L}[\p{L}-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Counted();

    [GeneratedRegex(@"\bwho\s+(?:was\s+|is\s+)?(?<verb>chair|head|presid|found|direct)(?:s|ed|ing|es)?\b(?!\s+out\b)|\bwho\s+(?:is|was|are|were)\s+(?:the\s+)?(?:current\s+|present\s+|first\s+)?(?<verb>secretary|president|chair|head|director|leader|founder|ceo|minister|ambassador|spokes)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhoHeld();

    // Not "the job of the international community" or "the one essential job": a task, not an
    // occupation; but "the job of snowden" is his.
    [GeneratedRegex(@"\bthe job of (?!the\b|a\b|an\b)\p{L}|(?<!\bthe\s(?:[\p{L}-]+\s){0,2})\b(job|jobs|occupation|profession|career|for a living|works? (as|for)|worked (as|for)|employer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Job();

    [GeneratedRegex(@"\b(minister|secretary|president|premier|chairman|chair|director|professor|analyst|fellow|contractor|officer|ambassador|spokes(man|woman|person)|researcher|employee|agent|delegate|diplomat|official)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Office();

    // Past outcomes only: "will the west ever take up the code" asks for a view the essay gives.
    [GeneratedRegex(@"\b(did|has|have|had|was|were)\b[^?]*\bever\b[^?]*?\b(?<verb>adopt|pass|ratif|approv|vot|sign|accept|join|reject|veto|enforc|implement)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ever();

    [GeneratedRegex(@"\b(e-?mail|email address|phone number|telephone|cell number|contact (details|info|information)|twitter|instagram|linkedin|facebook page)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contact();

    [GeneratedRegex(@"[\p{L}&]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(which|what)\s+(article|section|paragraph|para|clause|chapter|resolution)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhichProvision();

    [GeneratedRegex(@"\b(article|section|paragraph|para|clause|chapter|resolution)\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvisionNamed();

    [GeneratedRegex(@"\bwho\s+(?:first\s+|actually\s+)?(gave|give|delivered|made|said|says|wrote|writes|authored|stated|declared|announced|spoke|coined|put forward)\b|\bwhose\s+(speech|address|words|statement|remarks|article|report|paper|idea|quote)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhoSpoke();

    // Someone by title ("Vice Foreign Minister Li Baodong", "President Xi Jinping") or as an author
    // in a note ("Lewis, J. A."). Case matters: titles and names are capitalised.
    [GeneratedRegex(@"\b(President|Minister|Secretary|Ambassador|Director|Chairman|Premier|Professor|Mr|Mrs|Ms|Dr)\.?\s+(of\s+[A-Z]\w+\s+)?[A-Z]\p{L}|\b[A-Z]\p{Ll}+,\s+[A-Z]\.", RegexOptions.CultureInvariant)]
    private static partial Regex PersonNamed();

    [GeneratedRegex(@"\bhow (many|tall)\b|\bhow much (money|funding|cash|does \w+ (cost|spend|pay)|did \w+ (cost|spend|pay)|is spent)\b|\bnumber of\b|\bpercent(age)?\b|\bpopulation\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\bwhen (did|was|were|had)\b|\b(what|which) (year|date|month|day)\b|\bhow long ago\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    // "which six countries", "what specific nsa programs", "name the african countries": words
    // between the question word and the noun are a count, a determiner or an adjective, never a
    // verb ("what did the members say" asks what they said).
    [GeneratedRegex(@"^\W*(?:(?:so|ok|okay|and|but)\s+)?(?:which|what|name|list)\s+(?:(?!(?:did|does|do|is|are|was|were|has|have|had|can|could|would|will|should|say|says|said|role|kind|sort|type)\b)[\p{L}\d-]+\s+){0,3}?(?<noun>countries|states|nations|members|governments|signatories|sponsors|co-sponsors|companies|firms|corporations|platforms|universities|programs|programmes|agencies)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamesWanted();

    [GeneratedRegex(@"\b(compan|firm|corporat|Facebook|Google|Microsoft|Apple|Twitter|Huawei|ZTE|Amazon|Yahoo|Tencent|Alibaba|Baidu)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompanyNamed();

    [GeneratedRegex(@"^\W*(?:(?:so|and|but|ok|okay|then)\s+)?(?:why|y)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Why();

    [GeneratedRegex(@"\b(after|before|since|between|following|followed|from|than|and|till|until|through)\s+(the\s+|its\s+|sept(ember)?\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearFrom();

    [GeneratedRegex(@"^\s+(draft|drafts|version|versions|verison|code|text|submission|proposal|edition|document|one)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentName();

    [GeneratedRegex(@"\ba year (earlier|later|before|after)\b|\bthe (following|same|next|previous) year\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex Month();

    // A count: digits (years taken out first) or a number word; not "one", which is far more often
    // a pronoun ("one of the most severe problems") than a count.
    [GeneratedRegex(@"\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|millions|billion|billions|half|percent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Count();
}
