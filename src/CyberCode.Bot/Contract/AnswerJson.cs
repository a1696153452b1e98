using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CyberCode.Core.Answering;

namespace CyberCode.Bot.Contract;

/// <summary>
/// The answer object of the contract in DESIGN.md, exactly these fields in this order. The web
/// API adds <see cref="Title"/> and <see cref="EntryId"/> when the answer has them; the command
/// line leaves them out, so its output stays the contract and nothing more.
/// </summary>
internal sealed record AnswerJson(
    string Question,
    bool Answered,
    string Kind,
    string Text,
    double Confidence,
    IReadOnlyList<CitationJson> Citations,
    IReadOnlyList<string> Suggestions)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>A heading for the answer (web only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    /// <summary>The curated entry the answer comes from, for feedback (web only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EntryId { get; init; }

    /// <summary>Set when the question was a quiz command (web only): see <see cref="Web.Quiz.QuizReplyJson"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Web.Quiz.QuizReplyJson? Quiz { get; init; }

    public static AnswerJson From(Answer answer) => new(
        answer.Question,
        answer.Answered,
        answer.Kind,
        answer.Text,
        answer.Confidence,
        answer.Citations.Select(c => new CitationJson(c.PassageId, c.Section, c.Quote, c.PassageText)).ToArray(),
        answer.Suggestions);

    /// <summary>The object <c>POST /api/ask</c> returns: the contract plus title and entry id.</summary>
    public static AnswerJson ForWeb(Answer answer) => From(answer) with { Title = answer.Title, EntryId = answer.EntryId };

    /// <summary>One line of JSON (no indentation), as <c>--json</c> and <c>--jsonl</c> print it.</summary>
    public static string Serialize(Answer answer) => JsonSerializer.Serialize(From(answer), Options);
}

internal sealed record CitationJson(string PassageId, string Section, string Quote, string PassageText);
