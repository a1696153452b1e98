using System.Text.RegularExpressions;
using CyberCode.Bot.Web.Api;
using CyberCode.Core.Quizzes;

namespace CyberCode.Bot.Web.Quiz;

/// <summary>
/// Who is talking in the web chat: each browser tab makes a random conversation id (kept in its
/// sessionStorage) and a display name, and sends both with each request. The tab is one person, so
/// the conversation id is also their player id: it must be long and random, since whoever knows it
/// may answer in that tab's quiz.
/// </summary>
internal static partial class WebConversation
{
    public const int MinIdLength = 16;
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 32;

    /// <summary>The name a player gets when the page sends none.</summary>
    public const string DefaultName = "Guest";

    public const string IdRule = "16 to 64 letters, digits, '-' or '_' (e.g. a random UUID the page keeps for the tab)";
    public const string NameRule = "up to 32 letters, digits, spaces and . ' - _";

    /// <summary>Checks an id; null when it is fine, else the problem to return.</summary>
    public static IResult? CheckId(string? id, bool required)
    {
        if (string.IsNullOrEmpty(id))
        {
            return required
                ? ApiProblem.Result(StatusCodes.Status400BadRequest, "No conversation", $"Say which conversation with \"conversation\": {IdRule}.")
                : null;
        }

        return IdPattern().IsMatch(id)
            ? null
            : ApiProblem.Result(StatusCodes.Status400BadRequest, "Bad conversation id", $"A conversation id is {IdRule}.");
    }

    /// <summary>Checks a display name; null when it is fine (or absent), else the problem to return.</summary>
    public static IResult? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || NamePattern().IsMatch(name.Trim())
            ? null
            : ApiProblem.Result(StatusCodes.Status400BadRequest, "Bad name", $"A name is {NameRule}.");

    /// <summary>The name to show: the one sent, trimmed, else <see cref="DefaultName"/>.</summary>
    public static string NameOrDefault(string? name) => string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();

    public static QuizPlayer Player(string conversationId, string? name) => new(conversationId, NameOrDefault(name));

    [GeneratedRegex(@"^[A-Za-z0-9_-]{16,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .'_-]{0,31}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
