using System.Text.Json.Nodes;

namespace CyberCode.Teams.Tests.Quizzes;

/// <summary>Reads what a person sees on an Adaptive Card, for assertions on any of its texts.</summary>
internal static class CardText
{
    /// <summary>Every "text" of the card, in document order, as shown (<see cref="Shown"/>).</summary>
    public static List<string> All(JsonNode? node) => [.. Markdown(node).Select(Shown)];

    /// <summary>Every "text" of the card as sent: the Markdown Teams parses.</summary>
    public static List<string> Markdown(JsonNode? node, List<string>? found = null)
    {
        found ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "text" && value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        found.Add(text);
                    }
                    else
                    {
                        Markdown(value, found);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Markdown(item, found);
                }

                break;
        }

        return found;
    }

    /// <summary>The texts of a table row (a ColumnSet), one per column.</summary>
    public static string[] Cells(JsonObject row) =>
        [.. row["columns"]!.AsArray().Select(c => Shown(c!["items"]![0]!["text"]!.GetValue<string>()))];

    /// <summary>A TextBlock's text as Teams shows it: Markdown's backslash escapes removed.</summary>
    public static string Shown(string markdown) =>
        System.Text.RegularExpressions.Regex.Replace(markdown, @"\\([\\*_\[\]()`#>~<|.+\-])", "$1", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
