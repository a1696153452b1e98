using CyberCode.Core.Knowledge;

namespace CyberCode.Storage.Tests.Knowledge;

/// <summary>Hand-made entries of every kind, with every optional field used somewhere.</summary>
internal static class TestEntries
{
    public static Entry Term(string id, string text = "A set of voluntary norms for states in cyberspace.") =>
        new(
            id,
            EntryKind.Term,
            "International Code of Conduct",
            ["the code", "code of conduct"],
            text,
            [new Citation("I.1", "Part I: Intelligence analysis", "International Code of Conduct for Information Security", 12, 54)],
            "glossary.yaml");

    public static Entry Event() =>
        new(
            "code-submitted-2011",
            EntryKind.Event,
            "The code is submitted to the UN",
            [],
            "China, Russia, Tajikistan and Uzbekistan submitted the code in September 2011.",
            [
                new Citation("I.2", "Part I: Intelligence analysis", "submitted to the United Nations General Assembly", 0, 49),
                new Citation("II.3", "Part II: Comparison", "in September 2011", 101, 17),
            ],
            "timeline.yaml")
        {
            Date = new EventDate(2011, 9, 12),
        };

    public static Entry Change() =>
        new(
            "change-human-rights",
            EntryKind.Change,
            "Human rights",
            ["rights online"],
            "The 2015 version adds a reference to human rights.",
            [new Citation("II.7", "Part II: Comparison", "\u201Cthe rights and freedoms\u201D", 3, 26)],
            "changes.yaml")
        {
            Change = new ChangeDetail("No mention of human rights.", "Respects the rights and freedoms \u2014 including privacy."),
            Date = new EventDate(2015, null, null),
        };

    public static Entry Note(string? url = "https://example.org/report") =>
        new(
            "note-3",
            EntryKind.Note,
            "Cyber norms report",
            ["Smith"],
            "  Cited for the leading space and the trailing one.  ",
            [new Citation("N.3", "Notes", "Smith, J. (2015)", 0, 16)],
            "notes.yaml")
        {
            Note = new NoteReference(3, "Smith, J.", "2015", "Cyber norms report", url),
        };

    public static Entry Question() =>
        new(
            "what-is-the-code",
            EntryKind.Question,
            "What is the International Cyber Security Code?",
            ["what's the code", "", "explain the code"],
            "It is a proposal for rules of state behaviour in cyberspace.",
            [new Citation("I.1", "Part I: Intelligence analysis", "a proposal", 0, 10)],
            "questions.yaml");

    public static Entry[] All() => [Term("code-of-conduct"), Event(), Change(), Note(), Question()];

    public static void AssertSame(Entry expected, Entry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Phrasings, actual.Phrasings);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Citations, actual.Citations);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Change, actual.Change);
        Assert.Equal(expected.Note, actual.Note);
    }
}
