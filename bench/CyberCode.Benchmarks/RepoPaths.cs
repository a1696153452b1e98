namespace CyberCode.Benchmarks;

/// <summary>
/// Locates the repository from wherever BenchmarkDotNet runs the code: its child processes
/// start in a generated folder under bin/, so the working directory cannot be trusted.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string EssayFile
    {
        get
        {
            var essays = Directory.GetFiles(Path.Combine(Knowledge, "source"), "*.txt");
            return essays.Length == 1
                ? essays[0]
                : throw new InvalidOperationException($"Expected exactly one essay in {Path.Combine(Knowledge, "source")}, found {essays.Length}.");
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CyberCode.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No CyberCode.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; run the benchmarks from inside the repository.");
    }
}
