namespace CyberCode.Core.Knowledge;

/// <summary>One paragraph-sized unit of the essay that answers can cite.</summary>
/// <param name="Id">Short, stable id: <c>I.5</c>, <c>II.3</c>, <c>III.1</c>, <c>N.2</c>.</param>
/// <param name="Section">The title of the part it belongs to, e.g. "Part I: Intelligence analysis".</param>
/// <param name="Text">The passage as published, with reviewer markers removed.</param>
/// <param name="Order">Position in reading order, from 0.</param>
public sealed record Passage(string Id, string Section, string Text, int Order);

/// <summary>A section of the essay in reading order.</summary>
public sealed record EssaySection(string Title, IReadOnlyList<Passage> Passages);

/// <summary>The parsed essay: metadata and passages.</summary>
public sealed class Essay
{
    private readonly Dictionary<string, Passage> _byId;

    public Essay(string title, string author, DateOnly published, IReadOnlyList<EssaySection> sections)
    {
        Title = title;
        Author = author;
        Published = published;
        Sections = sections;
        Passages = sections.SelectMany(s => s.Passages).OrderBy(p => p.Order).ToArray();
        _byId = Passages.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    public string Title { get; }
    public string Author { get; }
    public DateOnly Published { get; }
    public IReadOnlyList<EssaySection> Sections { get; }
    public IReadOnlyList<Passage> Passages { get; }

    public Passage? Find(string id) => _byId.GetValueOrDefault(id.Trim());
}
