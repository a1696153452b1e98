using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering;

/// <summary>Small helpers for quoting passages: sentences, best sentence, citations.</summary>
internal static partial class Passages
{
    /// <summary>The sentences of a passage as (start, length) spans of its text.</summary>
    public static IEnumerable<(int Start, int Length)> Sentences(string text)
    {
        var start = 0;
        foreach (Match m in SentenceBreak().Matches(text))
        {
            if (m.Index > start)
            {
                yield return (start, m.Index - start);
            }

            start = m.Index + m.Length;
        }

        if (start < text.Length)
        {
            yield return (start, text.Length - start);
        }
    }

    public static AnswerCitation Cite(Passage passage, int start, int length) =>
        new(passage.Id, passage.Section, passage.Text.Substring(start, length).Trim(), passage.Text, start, length);

    public static AnswerCitation Cite(Citation citation, Essay essay)
    {
        var passage = essay.Find(citation.PassageId)!;
        return new AnswerCitation(citation.PassageId, citation.Section, citation.Quote, passage.Text, citation.Start, citation.Length);
    }

    // A sentence ends at . ! ? (perhaps followed by a closing quote or a citation in brackets)
    // before white space and a capital, an opening quote or a bracket. "U.S." and "e. a." stay whole.
    [GeneratedRegex(@"(?<=(?<!\bU\.S|\be|\ba|\bM)[.!?][”""]?)\s+(?=[“""A-Z(])")]
    private static partial Regex SentenceBreak();
}
