using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CyberCode.Core.Answering;

namespace CyberCode.Bot.Cli;

/// <summary>The answer object of the contract in DESIGN.md, exactly these fields in this order.</summary>
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

    public static AnswerJson From(Answer answer) => new(
        answer.Question,
        answer.Answered,
        answer.Kind,
        answer.Text,
        answer.Confidence,
        answer.Citations.Select(c => new CitationJson(c.PassageId, c.Section, c.Quote, c.PassageText)).ToArray(),
        answer.Suggestions);

    /// <summary>One line of JSON (no indentation), as <c>--json</c> and <c>--jsonl</c> print it.</summary>
    public static string Serialize(Answer answer) => JsonSerializer.Serialize(From(answer), Options);
}

internal sealed record CitationJson(string PassageId, string Section, string Quote, string PassageText);
