using CyberCode.Core.Knowledge;

namespace CyberCode.Storage.Knowledge;

/// <summary>
/// How an <see cref="Entry"/> is stored. Core's records stay free of LiteDB; the kind is stored
/// by name so that reordering <see cref="EntryKind"/> never changes what a stored entry means.
/// </summary>
internal sealed class EntryDocument
{
    public string Id { get; set; } = string.Empty;
    public string Scope { get; set; } = string.Empty;
    public string Hash { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public List<string> Phrasings { get; set; } = [];
    public string Text { get; set; } = string.Empty;
    public List<CitationDocument> Citations { get; set; } = [];
    public string Source { get; set; } = string.Empty;
    public EventDateDocument? Date { get; set; }
    public ChangeDocument? Change { get; set; }
    public NoteDocument? Note { get; set; }

    /// <summary>Maps an entry, rejecting one that could not be read back the same.</summary>
    /// <exception cref="ArgumentException">A required field is missing.</exception>
    public static EntryDocument From(Entry entry, string scope)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            throw new ArgumentException("An entry has no id.", nameof(entry));
        }

        Require(entry, entry.Title, nameof(Entry.Title));
        Require(entry, entry.Text, nameof(Entry.Text));
        Require(entry, entry.Source, nameof(Entry.Source));
        if (!Enum.IsDefined(entry.Kind))
        {
            throw Invalid(entry, $"has an unknown kind {(int)entry.Kind}");
        }

        if (entry.Phrasings is null || entry.Phrasings.Any(p => p is null))
        {
            throw Invalid(entry, "has a missing phrasing list or a null phrasing");
        }

        if (entry.Citations is null || entry.Citations.Any(c => c?.PassageId is null || c.Section is null || c.Quote is null))
        {
            throw Invalid(entry, "has a missing citation list or an incomplete citation");
        }

        if (entry.Note is { } n && (n.Author is null || n.Year is null || n.Title is null))
        {
            throw Invalid(entry, "has an incomplete note reference");
        }

        if (entry.Change is { } c && (c.Version2011 is null || c.Version2015 is null))
        {
            throw Invalid(entry, "has an incomplete change");
        }

        return new EntryDocument
        {
            Id = entry.Id,
            Scope = scope,
            Hash = EntryHash.Compute(entry),
            Kind = entry.Kind.ToString(),
            Title = entry.Title,
            Phrasings = [.. entry.Phrasings],
            Text = entry.Text,
            Citations = [.. entry.Citations.Select(CitationDocument.From)],
            Source = entry.Source,
            Date = entry.Date is { } d ? new EventDateDocument { Year = d.Year, Month = d.Month, Day = d.Day } : null,
            Change = entry.Change is { } ch ? new ChangeDocument { Version2011 = ch.Version2011, Version2015 = ch.Version2015 } : null,
            Note = entry.Note is { } note
                ? new NoteDocument { Number = note.Number, Author = note.Author, Year = note.Year, Title = note.Title, Url = note.Url }
                : null,
        };
    }

    public Entry ToEntry()
    {
        if (!Enum.TryParse<EntryKind>(Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidDataException($"The stored entry '{Id}' has the kind '{Kind}', which this version does not know.");
        }

        return new Entry(Id, kind, Title, [.. Phrasings], Text, [.. Citations.Select(c => c.ToCitation())], Source)
        {
            Date = Date is { } d ? new EventDate(d.Year, d.Month, d.Day) : null,
            Change = Change is { } c ? new ChangeDetail(c.Version2011, c.Version2015) : null,
            Note = Note is { } n ? new NoteReference(n.Number, n.Author, n.Year, n.Title, n.Url) : null,
        };
    }

    private static void Require(Entry entry, string? value, string field)
    {
        if (value is null)
        {
            throw Invalid(entry, $"has no {field}");
        }
    }

    private static ArgumentException Invalid(Entry entry, string problem) =>
        new($"The entry '{entry.Id}' {problem}.", nameof(entry));
}

internal sealed class CitationDocument
{
    public string PassageId { get; set; } = string.Empty;
    public string Section { get; set; } = string.Empty;
    public string Quote { get; set; } = string.Empty;
    public int Start { get; set; }
    public int Length { get; set; }

    public static CitationDocument From(Citation c) =>
        new() { PassageId = c.PassageId, Section = c.Section, Quote = c.Quote, Start = c.Start, Length = c.Length };

    public Citation ToCitation() => new(PassageId, Section, Quote, Start, Length);
}

internal sealed class EventDateDocument
{
    public int Year { get; set; }
    public int? Month { get; set; }
    public int? Day { get; set; }
}

internal sealed class ChangeDocument
{
    public string Version2011 { get; set; } = string.Empty;
    public string Version2015 { get; set; } = string.Empty;
}

internal sealed class NoteDocument
{
    public int Number { get; set; }
    public string Author { get; set; } = string.Empty;
    public string Year { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string? Url { get; set; }
}
