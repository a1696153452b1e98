using System.Globalization;
using CyberCode.Bot.Cli;

namespace CyberCode.Bot.Tests.Cli;

/// <summary>What one run of <c>cybercode</c> printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>The non-empty lines of standard output.</summary>
    public IReadOnlyList<string> OutLines =>
        Out.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();

    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the real command line in-process (<see cref="Verbs.Build"/>) against a database in a
/// fresh temporary folder, with standard input, output and error as strings.
/// </summary>
internal sealed class CliRunner : IDisposable
{
    private const string DatabaseVariable = "Storage__DatabasePath";
    private const string KnowledgeVariable = "Knowledge__Path";
    private const string SemanticVariable = "Answering__Semantic__Enabled";

    // The environment is process-wide; the collection already runs these tests one at a time,
    // and this gate keeps that true for any test that forgets the collection.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public CliRunner()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cybercode-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "cybercode.db");
    }

    /// <summary>A temporary folder of this test's own, deleted on dispose.</summary>
    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>
    /// Match by meaning too (off by default: a fresh database would embed every text again, which
    /// takes the better part of a minute). On, the runs share one database in the temporary folder
    /// whose cached vectors make the model ready in about a second after the first run.
    /// </summary>
    public bool Semantic { get; set; }

    private static string SharedSemanticDatabase => Path.Combine(Path.GetTempPath(), "cybercode-bot-tests", "semantic-cache.db");

    /// <summary>When set, the knowledge folder the verbs load instead of the one beside the executable.</summary>
    public string? KnowledgePath { get; set; }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        await Gate.WaitAsync();
        var savedDatabase = Environment.GetEnvironmentVariable(DatabaseVariable);
        var savedKnowledge = Environment.GetEnvironmentVariable(KnowledgeVariable);
        var savedSemantic = Environment.GetEnvironmentVariable(SemanticVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatabaseVariable, Semantic ? SharedSemanticDatabase : DatabasePath);
            Environment.SetEnvironmentVariable(SemanticVariable, Semantic ? "true" : "false");
            Environment.SetEnvironmentVariable(KnowledgeVariable, KnowledgePath);
            using var stdin = new StringReader(input);
            using var stdout = new StringWriter(CultureInfo.InvariantCulture);
            using var stderr = new StringWriter(CultureInfo.InvariantCulture);
            var exitCode = await Verbs.Build(stdin, stdout, stderr).Parse(args).InvokeAsync();
            return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatabaseVariable, savedDatabase);
            Environment.SetEnvironmentVariable(KnowledgeVariable, savedKnowledge);
            Environment.SetEnvironmentVariable(SemanticVariable, savedSemantic);
            Gate.Release();
        }
    }

    /// <summary>A copy of the knowledge folder the executable ships with, inside <see cref="Folder"/>.</summary>
    public string CopyKnowledge()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "knowledge");
        Assert.True(Directory.Exists(source), $"The knowledge folder is not beside the test assembly: {source}");
        var target = Path.Combine(Folder, "knowledge");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not turn a passing test into a failure; the OS cleans temp.
        }
    }
}
