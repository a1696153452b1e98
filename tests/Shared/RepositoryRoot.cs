namespace CyberCode.Tests.Shared;

/// <summary>
/// The repository the tests belong to (the folder holding CyberCode.sln), for its knowledge
/// folder. One source file, linked into each test project that needs it.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string KnowledgePath => System.IO.Path.Combine(Path, "knowledge");

    private static string Find()
    {
        // Above the test binaries normally; above this source file when they are built elsewhere
        // (dotnet test --artifacts-path).
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(SourceFile()) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "CyberCode.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder with CyberCode.sln) above " + AppContext.BaseDirectory);

        static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
    }
}
