using System.Globalization;

namespace CyberCode.Core.Quizzes;

/// <summary>
/// What a choice button carries: <c>quiz:SESSION:QUESTION:CHOICE</c>, e.g. <c>quiz:k3x9m2pa:2:3</c>
/// (at most 24 characters, well within Discord's 100 for a <c>custom_id</c>). Question and choice are 1-based.
/// </summary>
public static class QuizButton
{
    public const string Prefix = "quiz:";

    public static string Encode(string sessionId, int question, int choice) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sessionId}:{question}:{choice}");

    /// <summary>Reads a button id; false for anything else (an older or forged id).</summary>
    public static bool TryParse(string? id, out string sessionId, out int question, out int choice)
    {
        sessionId = string.Empty;
        question = choice = 0;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = id[Prefix.Length..].Split(':');
        if (parts.Length != 3 || parts[0].Length is 0 or > 16
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out question)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out choice))
        {
            question = choice = 0;
            return false;
        }

        sessionId = parts[0];
        return true;
    }
}
