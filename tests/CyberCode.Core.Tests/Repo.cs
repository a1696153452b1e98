using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Tests;

/// <summary>The real knowledge folder of this repository, loaded once for all tests.</summary>
internal static class Repo
{
    private static readonly Lazy<KnowledgeBase> LazyKnowledge = new(() => KnowledgeLoader.Load(KnowledgePath));
    private static readonly Lazy<AnswerEngine> LazyEngine = new(() => AnswerEngine.Create(Knowledge));

    public static string Root => RepositoryRoot.Path;

    public static string KnowledgePath => RepositoryRoot.KnowledgePath;

    public static string EssayText => File.ReadAllText(Directory.GetFiles(Path.Combine(KnowledgePath, "source"), "*.txt").Single());

    public static KnowledgeBase Knowledge => LazyKnowledge.Value;

    public static AnswerEngine Engine => LazyEngine.Value;
}
