namespace CyberCode.Bot.Tests.Cli;

/// <summary>
/// Finds the shared folder (DESIGN.md, the evaluation set) without knowing where the machine
/// keeps it: the repository root is the folder with CyberCode.sln above the test assembly, and
/// <c>shared/</c> sits inside it or beside it (CI clones the repository next to a copy of it).
/// </summary>
internal static class SharedFolder
{
    public static string DevSetPath()
    {
        var root = RepositoryRoot();
        string[] candidates =
        [
            Path.Combine(root, "shared", "eval", "dev.jsonl"),
            Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "dev.jsonl")),
        ];
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail(
                "The evaluation set shared/eval/dev.jsonl was not found; looked at " + string.Join(" and ", candidates) +
                ". Put a copy of shared/ inside the repository or beside it.");
        }

        return found!;
    }

    private static string RepositoryRoot()
    {
        // Above the test binaries normally; above this source file when they are built elsewhere
        // (dotnet test --artifacts-path).
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CyberCode.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        Assert.Fail($"No folder holding CyberCode.sln above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
        return string.Empty;

        static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
    }
}
