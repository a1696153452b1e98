namespace CyberCode.Core.Knowledge;

// The YAML shapes of knowledge/*.yaml (see knowledge/SCHEMA.md). Mutable classes because the
// YAML deserializer fills them; they never leave the loader.
#pragma warning disable CA1002, CA2227, CA1056 // DTOs for the deserializer
internal sealed class KnowledgeFile
{
    public List<TermDto>? Terms { get; set; }
    public List<QuestionDto>? Questions { get; set; }
    public List<EventDto>? Events { get; set; }
    public List<ChangeDto>? Changes { get; set; }
    public List<NoteDto>? Notes { get; set; }
    public List<List<string>>? Synonyms { get; set; }
    public List<string>? Filler { get; set; }
    public List<QuizDto>? Quiz { get; set; }
    public QuizGenerationDto? Generate { get; set; }

    /// <summary><c>training:</c> entry id → ways of asking the semantic classifier learns from, never matched against.</summary>
    public Dictionary<string, List<string>>? Training { get; set; }
}

internal abstract class EntryDto
{
    public string? Id { get; set; }
    public List<string>? Cite { get; set; }
}

internal sealed class TermDto : EntryDto
{
    public string? Term { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Definition { get; set; }
}

internal sealed class QuestionDto : EntryDto
{
    public string? Question { get; set; }
    public List<string>? Phrasings { get; set; }
    public string? Answer { get; set; }
}

internal sealed class EventDto : EntryDto
{
    public string? Date { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public List<string>? Phrasings { get; set; }
}

internal sealed class ChangeDto : EntryDto
{
    public string? Topic { get; set; }
    public string? V2011 { get; set; }
    public string? V2015 { get; set; }
    public string? Summary { get; set; }
    public List<string>? Phrasings { get; set; }
}

internal sealed class NoteDto : EntryDto
{
    public int? Number { get; set; }
    public string? Author { get; set; }
    public string? Year { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
    public string? CitedFor { get; set; }
    public List<string>? Phrasings { get; set; }
}
internal sealed class QuizDto : EntryDto
{
    public string? Topic { get; set; }
    public string? Question { get; set; }
    public List<string>? Choices { get; set; }

    /// <summary>The exact text of the right choice.</summary>
    public string? Answer { get; set; }
    public string? Explanation { get; set; }
}

/// <summary>Which glossary terms and timeline events become generated quiz items (quiz.yaml, <c>generate:</c>).</summary>
internal sealed class QuizGenerationDto
{
    public Dictionary<string, List<string>>? TermKinds { get; set; }
    public List<List<string>>? TooClose { get; set; }
    public List<string>? SkipEvents { get; set; }
}
#pragma warning restore CA1002, CA2227, CA1056
