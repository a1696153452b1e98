using System.Text.Json;

namespace CyberCode.Teams.Activities;

/// <summary>
/// The data of an Adaptive Card <c>Action.Submit</c>, which Teams delivers as the <c>value</c> of
/// a message with no text. Every CyberCode card names its action in <c>cybercode</c>: <c>ask</c>
/// (a suggestion), <c>feedback</c>; quiz answers and moderator forms add theirs.
/// </summary>
internal sealed record SubmitAction(string Name, JsonElement Data)
{
    public const string Ask = "ask";
    public const string Feedback = "feedback";

    /// <summary>A quiz choice: <c>button</c> carries Core's <c>QuizButton</c> id.</summary>
    public const string Quiz = "quiz";

    /// <summary>A moderator's form (<see cref="Moderation.KbForms"/>): <c>action</c> says which.</summary>
    public const string Kb = "kb";

    public static SubmitAction? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("cybercode", out var name) && name.ValueKind == JsonValueKind.String
            && name.GetString() is { Length: > 0 } action
            ? new SubmitAction(action, value)
            : null;
    }

    public string? String(string property) =>
        Data.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A number, or a string of digits (Teams passes some values back as text).</summary>
    public int? Int(string property) =>
        Data.TryGetProperty(property, out var v) && v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetInt32(out var n) ? n : (int?)null,
            JsonValueKind.String => int.TryParse(v.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null,
            _ => null,
        } is { } value ? value : null;

    public bool? Bool(string property) =>
        Data.TryGetProperty(property, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
