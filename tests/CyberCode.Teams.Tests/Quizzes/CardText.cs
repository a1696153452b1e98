using System.Text.Json.Nodes;

namespace CyberCode.Teams.Tests.Quizzes;

/// <summary>Reads what a person sees on an Adaptive Card, for assertions on any of its texts.</summary>
internal static class CardText
{
    /// <summary>Every "text" of the card, in document order.</summary>
    public static List<string> All(JsonNode? node, List<string>? found = null)
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
                        All(value, found);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    All(item, found);
                }

                break;
        }

        return found;
    }

    /// <summary>The texts of a table row (a ColumnSet), one per column.</summary>
    public static string[] Cells(JsonObject row) =>
        [.. row["columns"]!.AsArray().Select(c => c!["items"]![0]!["text"]!.GetValue<string>())];
}
