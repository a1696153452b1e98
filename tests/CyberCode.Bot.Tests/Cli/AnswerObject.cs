using System.Text.Json;

namespace CyberCode.Bot.Tests.Cli;

/// <summary>The answer object of the contract in DESIGN.md, read back from JSON.</summary>
internal sealed record AnswerObject(
    string Question,
    bool Answered,
    string Kind,
    string Text,
    double Confidence,
    IReadOnlyList<CitationObject> Citations,
    IReadOnlyList<string> Suggestions)
{
    private static readonly string[] Fields = ["question", "answered", "kind", "text", "confidence", "citations", "suggestions"];

    /// <summary>
    /// Parses one answer object and checks the contract: every field present with its type,
    /// confidence in 0..1, and each citation's passage text containing its quote verbatim.
    /// </summary>
    public static AnswerObject Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        foreach (var field in Fields)
        {
            Assert.True(root.TryGetProperty(field, out _), $"The answer object has no \"{field}\": {json}");
        }

        var citations = root.GetProperty("citations").EnumerateArray().Select(c => new CitationObject(
            c.GetProperty("passageId").GetString()!,
            c.GetProperty("section").GetString()!,
            c.GetProperty("quote").GetString()!,
            c.GetProperty("passageText").GetString()!)).ToArray();
        var answer = new AnswerObject(
            root.GetProperty("question").GetString()!,
            root.GetProperty("answered").GetBoolean(),
            root.GetProperty("kind").GetString()!,
            root.GetProperty("text").GetString()!,
            root.GetProperty("confidence").GetDouble(),
            citations,
            root.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!).ToArray());

        Assert.InRange(answer.Confidence, 0.0, 1.0);
        Assert.False(string.IsNullOrWhiteSpace(answer.Kind));
        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
        foreach (var c in citations)
        {
            Assert.Matches(@"^(I|II|III|N)\.\d+$", c.PassageId);
            Assert.False(string.IsNullOrWhiteSpace(c.Section));
            Assert.False(string.IsNullOrWhiteSpace(c.Quote));
            Assert.Contains(c.Quote, c.PassageText, StringComparison.Ordinal);
        }

        return answer;
    }
}

internal sealed record CitationObject(string PassageId, string Section, string Quote, string PassageText);
