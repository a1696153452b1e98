using System.Globalization;

namespace CyberCode.Core.Quizzes;

/// <summary>What a quiz command asks for.</summary>
public enum QuizVerb
{
    Start,
    Stop,
    Score,
    Leaderboard,
    Stats,
    Practice,
    Topics,
    Settings,
    Help,

    /// <summary>A bare choice number, typed while a question is open.</summary>
    Answer,
}

/// <summary>
/// The quiz grammar, parsed once here so every channel shares it:
/// <c>quiz</c> / <c>quiz start [N] [topic]</c>, <c>quiz stop</c>, <c>quiz score</c>,
/// <c>leaderboard</c>, <c>quiz stats</c>, <c>quiz practice [N] [topic]</c>, <c>quiz topics</c>,
/// <c>quiz settings [seconds N]</c>, <c>quiz help</c>, and a bare number 1–4 as an answer.
/// </summary>
/// <param name="Count">Questions asked for (start, practice), or seconds (settings); null when not given.</param>
/// <param name="Topic">The topic named, lower case; null when none.</param>
/// <param name="Error">Set when the command is recognised but malformed: the friendly message to show.</param>
public sealed record QuizCommand(QuizVerb Verb, int? Count = null, string? Topic = null, string? Error = null)
{
    /// <summary>Parses a message; false when it is not a quiz command (then it is a question for the essay).</summary>
    public static bool TryParse(string? text, out QuizCommand command)
    {
        command = new QuizCommand(QuizVerb.Help);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = text.Trim().TrimStart('/', '!').ToLowerInvariant()
            .Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        if (words.Length == 1 && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var choice) && choice is >= 1 and <= 9)
        {
            command = new QuizCommand(QuizVerb.Answer, choice);
            return true;
        }

        if (words[0] is "leaderboard" or "leaderboards" && words.Length == 1)
        {
            command = new QuizCommand(QuizVerb.Leaderboard);
            return true;
        }

        if (words[0] is not ("quiz" or "quizz" or "quizzes"))
        {
            return false;
        }

        var rest = words[1..];
        if (rest.Length == 0)
        {
            // "quiz" alone starts one: Teams users type just that.
            command = new QuizCommand(QuizVerb.Start);
            return true;
        }

        switch (rest[0])
        {
            case "stop" or "end" or "cancel" or "quit":
                command = new QuizCommand(QuizVerb.Stop);
                return true;
            case "score" or "scores" or "scoreboard":
                command = new QuizCommand(QuizVerb.Score);
                return true;
            case "leaderboard" or "leaderboards" or "top":
                command = new QuizCommand(QuizVerb.Leaderboard);
                return true;
            case "stats" or "stat" or "me":
                command = new QuizCommand(QuizVerb.Stats);
                return true;
            case "topics" or "topic":
                command = new QuizCommand(QuizVerb.Topics);
                return true;
            case "help" or "?":
                command = new QuizCommand(QuizVerb.Help);
                return true;
            case "settings" or "setting" or "config":
                command = Settings(rest[1..]);
                return true;
            case "practice" or "practise" or "review":
                command = Round(QuizVerb.Practice, rest[1..]);
                return true;
            case "start" or "new" or "begin" or "go":
                command = Round(QuizVerb.Start, rest[1..]);
                return true;
            default:
                // "quiz 5", "quiz sovereignty": a start with arguments, as people type it.
                command = Round(QuizVerb.Start, rest);
                return true;
        }
    }

    private static QuizCommand Round(QuizVerb verb, string[] args)
    {
        int? count = null;
        var topic = new List<string>();
        foreach (var word in args)
        {
            if (word is "questions" or "question" or "on" or "about")
            {
                continue;
            }

            if (count is null && int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                if (n is < QuizOptions.MinQuestions or > QuizOptions.MaxQuestions)
                {
                    return new QuizCommand(verb, Error: $"A quiz has {QuizOptions.MinQuestions} to {QuizOptions.MaxQuestions} questions: try \"quiz {(verb == QuizVerb.Practice ? "practice" : "start")} 5\".");
                }

                count = n;
                continue;
            }

            topic.Add(word);
        }

        return new QuizCommand(verb, count, topic.Count == 0 ? null : string.Join(' ', topic));
    }

    private static QuizCommand Settings(string[] args)
    {
        if (args.Length == 0)
        {
            return new QuizCommand(QuizVerb.Settings);
        }

        var number = args.Length == 2 && args[0] is "seconds" or "time" or "timer" ? args[1] : args.Length == 1 ? args[0] : null;
        if (number is not null
            && int.TryParse(number.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= QuizSettings.MinSeconds and <= QuizSettings.MaxSeconds)
        {
            return new QuizCommand(QuizVerb.Settings, seconds);
        }

        return new QuizCommand(QuizVerb.Settings, Error: $"Set the answer time with \"quiz settings seconds N\", N from {QuizSettings.MinSeconds} to {QuizSettings.MaxSeconds}.");
    }
}
