namespace CyberCode.Core.Knowledge;

/// <summary>What kind of curated knowledge an entry is.</summary>
public enum EntryKind
{
    Term,
    Question,
    Event,
    Change,
    Note,
}

/// <summary>A quote resolved to a passage and a character span inside <see cref="Passage.Text"/>.</summary>
public sealed record Citation(string PassageId, string Section, string Quote, int Start, int Length);

/// <summary>A dated event; month and day are absent when the essay does not give them.</summary>
public sealed record EventDate(int Year, int? Month, int? Day) : IComparable<EventDate>
{
    public int CompareTo(EventDate? other) =>
        other is null ? 1 : (Year, Month ?? 0, Day ?? 0).CompareTo((other.Year, other.Month ?? 0, other.Day ?? 0));

    public override string ToString() => (Month, Day) switch
    {
        (int m, int d) => new DateOnly(Year, m, d).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        (int m, null) => new DateOnly(Year, m, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        _ => Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when it is none of them.</summary>
    public static EventDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || !int.TryParse(parts[0], out var year) || year is < 1900 or > 2100)
        {
            return null;
        }

        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (!int.TryParse(parts[1], out var m) || m is < 1 or > 12)
            {
                return null;
            }

            month = m;
        }

        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], out var d) || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
            {
                return null;
            }

            day = d;
        }

        return new EventDate(year, month, day);
    }
}

/// <summary>One item of the 2011-versus-2015 comparison.</summary>
public sealed record ChangeDetail(string Version2011, string Version2015);

/// <summary>A reference from the essay's notes.</summary>
public sealed record NoteReference(int Number, string Author, string Year, string Title, string? Url);

/// <summary>
/// A curated piece of knowledge: a glossary term, a question, a timeline event, a change or a note.
/// Every entry rests on at least one citation that was resolved against the essay.
/// </summary>
/// <param name="Id">Unique kebab-case id.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Title">The headword, canonical question, event title, change topic or note title.</param>
/// <param name="Phrasings">Aliases (terms) or alternate phrasings people type.</param>
/// <param name="Text">The short answer in plain words: definition, answer, summary.</param>
/// <param name="Citations">Resolved quotes, most direct first.</param>
/// <param name="Source">Where it came from, e.g. <c>glossary.yaml</c>.</param>
public sealed record Entry(
    string Id,
    EntryKind Kind,
    string Title,
    IReadOnlyList<string> Phrasings,
    string Text,
    IReadOnlyList<Citation> Citations,
    string Source)
{
    public EventDate? Date { get; init; }
    public ChangeDetail? Change { get; init; }
    public NoteReference? Note { get; init; }
}
