using System.Diagnostics;

namespace CyberCode.Load;

/// <summary>
/// The service as it is deployed: <c>dotnet publish -c Release src/CyberCode.Bot</c> (ReadyToRun, see
/// the project file) into <c>artifacts/startup-publish/</c> of the repository, published again when
/// missing or older than the sources. The first publish takes a few minutes (it compiles every
/// library ahead of time); later ones only what changed.
/// </summary>
internal static class Published
{
    public static string Ensure()
    {
        var root = FindRoot();
        var folder = Path.Combine(root, "artifacts", "startup-publish");
        var executable = Path.Combine(folder, OperatingSystem.IsWindows() ? "cybercode.exe" : "cybercode");
        var newest = NewestSource(root);
        if (File.Exists(executable) && File.GetLastWriteTimeUtc(Path.Combine(folder, "cybercode.dll")) >= newest)
        {
            return executable;
        }

        Console.WriteLine($"Publishing the service as it is deployed: dotnet publish -c Release src/CyberCode.Bot -o {Path.GetRelativePath(root, folder)}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false };
        foreach (var argument in new[] { "publish", "-c", "Release", Path.Combine("src", "CyberCode.Bot"), "-o", folder, "-nologo", "-v", "q" })
        {
            info.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        publish.WaitForExit();
        return publish.ExitCode == 0 && File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"dotnet publish failed (exit {publish.ExitCode}); see above. --no-publish measures the plain build alone.");
    }

    private static DateTime NewestSource(string root)
    {
        var newest = File.GetLastWriteTimeUtc(Path.Combine(root, "Directory.Build.props"));
        foreach (var folder in new[] { "src", "knowledge" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                var separator = Path.DirectorySeparatorChar;
                if (!file.Contains($"{separator}bin{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
                {
                    var written = File.GetLastWriteTimeUtc(file);
                    newest = written > newest ? written : newest;
                }
            }
        }

        return newest;
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

        throw new InvalidOperationException($"No CyberCode.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}: run it from inside the repository, or name the builds with --service.");
    }
}
