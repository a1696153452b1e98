using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Tests;

/// <summary>The real knowledge folder of this repository, loaded once for all tests.</summary>
internal static class Repo
{
    private static readonly Lazy<KnowledgeBase> LazyKnowledge = new(() => KnowledgeLoader.Load(KnowledgePath));
    private static readonly Lazy<AnswerEngine> LazyEngine = new(() => AnswerEngine.Create(Knowledge));

    public static string Root { get; } = FindRoot();

    public static string KnowledgePath => Path.Combine(Root, "knowledge");

    public static string EssayText => File.ReadAllText(Directory.GetFiles(Path.Combine(KnowledgePath, "source"), "*.txt").Single());

    public static KnowledgeBase Knowledge => LazyKnowledge.Value;

    public static AnswerEngine Engine => LazyEngine.Value;

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

        static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

        throw new InvalidOperationException("Cannot find the repository root (the folder with CyberCode.sln) above " + AppContext.BaseDirectory);
    }
}
