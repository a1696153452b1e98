using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;

namespace CyberCode.Core.Tests.Answering;

public sealed class AnswerCacheTests
{
    private readonly List<string?> _asked = [];

    [Fact]
    public void GetOrAdd_SameTextTwice_AnswersOnceAndSharesTheAnswer()
    {
        var cache = new AnswerCache(capacity: 16);

        var first = cache.GetOrAdd("define cyber sovereignty", null, SemanticState.Ready, Answer);
        var second = cache.GetOrAdd("define cyber sovereignty", null, SemanticState.Ready, Answer);

        Assert.Same(first, second);
        Assert.Single(_asked);
    }

    [Fact]
    public void GetOrAdd_AfterTheSemanticModelBecameReady_AnswersAgain()
    {
        var cache = new AnswerCache(capacity: 16);

        var lexical = cache.GetOrAdd("why was a treaty impossible", null, SemanticState.Loading, Answer);
        var semantic = cache.GetOrAdd("why was a treaty impossible", null, SemanticState.Ready, Answer);

        Assert.NotSame(lexical, semantic);
        Assert.Equal(2, _asked.Count);
    }

    [Fact]
    public void GetOrAdd_OtherScope_AnswersSeparately()
    {
        var cache = new AnswerCache(capacity: 16);

        cache.GetOrAdd("define sco", "guild-1", SemanticState.Disabled, Answer);
        cache.GetOrAdd("define sco", "guild-2", SemanticState.Disabled, Answer);

        Assert.Equal(2, _asked.Count);
    }

    [Fact]
    public void GetOrAdd_VeryLongText_IsAnsweredEveryTime()
    {
        var cache = new AnswerCache(capacity: 16);
        var paste = new string('x', 301);

        cache.GetOrAdd(paste, null, SemanticState.Disabled, Answer);
        cache.GetOrAdd(paste, null, SemanticState.Disabled, Answer);

        Assert.Equal(2, _asked.Count);
    }

    [Fact]
    public void GetOrAdd_PastTwiceTheCapacity_ForgetsTheOldestKeepsTheRecent()
    {
        var cache = new AnswerCache(capacity: 2);
        foreach (var text in new[] { "a", "b", "c", "d" })
        {
            cache.GetOrAdd(text, null, SemanticState.Disabled, Answer);
        }

        _asked.Clear();
        cache.GetOrAdd("d", null, SemanticState.Disabled, Answer);
        cache.GetOrAdd("c", null, SemanticState.Disabled, Answer);
        cache.GetOrAdd("a", null, SemanticState.Disabled, Answer);

        Assert.Equal(["a"], _asked);
    }

    private Answer Answer(string? text)
    {
        _asked.Add(text);
        return new Answer(text ?? string.Empty, true, AnswerKinds.Definition, "an answer", 1, [], []);
    }
}
