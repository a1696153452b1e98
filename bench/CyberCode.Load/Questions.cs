using System.Text.Json;

namespace CyberCode.Load;

/// <summary>The questions the load asks in turn: our own evaluation set, every kind the bot meets, declines included.</summary>
internal static class Questions
{
    public static IReadOnlyList<string> Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No question file at {file}; give one with --questions (JSONL with a \"q\" field per line).", file);
        }

        var questions = File.ReadLines(file)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!)
            .ToArray();
        return questions.Length > 0 ? questions : throw new InvalidDataException($"{file} holds no questions.");
    }
}

/// <summary>The repository, found by walking up to CyberCode.sln from the tool or the working directory.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CyberCode.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }
}
