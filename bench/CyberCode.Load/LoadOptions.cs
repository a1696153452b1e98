using System.Globalization;

namespace CyberCode.Load;

/// <summary>The command line of the load tool.</summary>
internal sealed record LoadOptions(int Seconds, int Warmup, int Connections, string? Semantic, string QuestionsFile, Uri? Url, bool Distinct)
{
    public static LoadOptions? Parse(IReadOnlyList<string> args)
    {
        var seconds = 15;
        var warmup = 6;
        var connections = 64;
        string? semantic = null;
        var questions = Path.Combine(Repo.Root, "bench", "eval", "own.jsonl");
        Uri? url = null;
        var distinct = false;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            if (args[i] == "--distinct")
            {
                distinct = true;
                continue;
            }

            switch (args[i])
            {
                case "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    break;
                case "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0:
                    warmup = w;
                    break;
                case "--connections" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c > 0:
                    connections = c;
                    break;
                case "--semantic" when value is "on" or "off":
                    semantic = value;
                    break;
                case "--questions" when value is not null:
                    questions = value;
                    break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var u):
                    url = u;
                    break;
                default:
                    return null;
            }

            i++;
        }

        return new LoadOptions(seconds, warmup, connections, semantic, questions, url, distinct);
    }

    /// <summary>Settings for the service this tool starts; the semantic model as configured unless told.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings() => Semantic is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["Answering:Semantic:Enabled"] = Semantic == "on" ? "true" : "false" };
}
