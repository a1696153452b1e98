using System.Runtime.CompilerServices;

namespace CyberCode.Teams.Tests;

/// <summary>The repository this test project lives in, for its knowledge folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string KnowledgePath => Path.Combine(Root, "knowledge");

    private static string FindRoot()
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

        throw new InvalidOperationException("Cannot find the repository root (the folder with CyberCode.sln) above " + AppContext.BaseDirectory);
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
