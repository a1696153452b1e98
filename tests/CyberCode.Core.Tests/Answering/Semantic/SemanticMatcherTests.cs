using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.Logging;

namespace CyberCode.Core.Tests.Answering.Semantic;

/// <summary>Loading the model in the background, and what the bot does meanwhile or without it.</summary>
public sealed class SemanticMatcherTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Disabled_NeverLoads_AndAnswersExactlyAsWordsAlone()
    {
        var embedder = new CountingEmbedder();
        using var matcher = RealModel.Matcher(Repo.Knowledge, embedder, new MemoryEmbeddingCache(), enabled: false);
        using var engine = AnswerEngine.Create(Repo.Knowledge, matcher);

        await matcher.WaitAsync(Ct);

        Assert.Equal(SemanticState.Disabled, engine.SemanticState);
        Assert.Equal(0, embedder.Embedded);
        var question = "why does beijing want a say over the web";
        var (words, fused) = (Repo.Engine.Ask(question), engine.Ask(question));
        Assert.Equal((words.Kind, words.Text, words.Confidence), (fused.Kind, fused.Text, fused.Confidence));
        Assert.Equal(words.Citations.Select(c => c.PassageId), fused.Citations.Select(c => c.PassageId));
    }

    [Fact]
    public async Task ModelFailsToLoad_LoggedOnce_AndTheBotKeepsAnswering()
    {
        var logger = new ListLogger<SemanticMatcher>();
        using var matcher = RealModel.Matcher(Repo.Knowledge, new CountingEmbedder(new InvalidOperationException("model file is corrupt")), new MemoryEmbeddingCache(), logger);
        using var engine = AnswerEngine.Create(Repo.Knowledge, matcher);

        await matcher.WaitAsync(Ct);
        await matcher.WaitAsync(Ct);
        var answer = engine.Ask("define cyber sovereignty");

        Assert.Equal(SemanticState.Failed, engine.SemanticState);
        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("Answering:Semantic:Enabled=false", error.Message, StringComparison.Ordinal);
        Assert.True(answer.Answered);
        Assert.Equal("II.5", answer.Citations[0].PassageId);
    }

    [Fact]
    public async Task WhileLoading_AnswersByWords_ThenByMeaningOnceReady()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var matcher = RealModel.Matcher(Repo.Knowledge, new CountingEmbedder(gate: gate.Task), new MemoryEmbeddingCache());
        using var engine = AnswerEngine.Create(Repo.Knowledge, matcher);
        matcher.Start();

        var during = engine.Ask("what is the role of the UN GGE");
        Assert.Equal(SemanticState.Loading, engine.SemanticState);
        Assert.True(during.Answered);
        Assert.Equal(Repo.Engine.Ask("what is the role of the UN GGE").Confidence, during.Confidence);

        gate.SetResult();
        await matcher.WaitAsync(Ct);
        Assert.Equal(SemanticState.Ready, engine.SemanticState);
    }

    [Fact]
    public async Task Restart_TakesEveryVectorFromTheCache()
    {
        var cache = new MemoryEmbeddingCache();
        var first = new CountingEmbedder();
        using (var matcher = RealModel.Matcher(Repo.Knowledge, first, cache))
        {
            await matcher.WaitAsync(Ct);
        }

        var second = new CountingEmbedder();
        using (var matcher = RealModel.Matcher(Repo.Knowledge, second, cache))
        {
            await matcher.WaitAsync(Ct);
            Assert.Equal(SemanticState.Ready, matcher.State);
        }

        Assert.True(first.Embedded > 1000, $"only {first.Embedded} texts embedded");
        Assert.Equal(0, second.Embedded);
    }

    [Fact]
    public async Task TrainingPhrasings_TeachTheClassifier_ButAreNotMatchedAgainst()
    {
        // One entry's and one passage's training-only way of asking, in words no text of the knowledge uses.
        const string way = "zqxj wubble frobnicate the gizmo";
        const string passageWay = "blorptastic quandle of the snorkwidget";
        var entry = Repo.Knowledge.Entries.First(e => e.Kind == EntryKind.Question);
        var baseline = new KnowledgeBase(Repo.Knowledge.Essay, Repo.Knowledge.Entries, Repo.Knowledge.Synonyms, Repo.Knowledge.Filler);
        var knowledge = new KnowledgeBase(Repo.Knowledge.Essay, Repo.Knowledge.Entries, Repo.Knowledge.Synonyms, Repo.Knowledge.Filler)
        {
            Training = new Dictionary<string, IReadOnlyList<string>> { [entry.Id] = [way], ["I.3"] = [passageWay] },
        };
        var plain = new CountingEmbedder();
        var trained = new CountingEmbedder();
        using var without = RealModel.Matcher(baseline, plain, new MemoryEmbeddingCache());
        using var with = RealModel.Matcher(knowledge, trained, new MemoryEmbeddingCache());
        await without.WaitAsync(Ct);
        await with.WaitAsync(Ct);

        // Embedded for the classifier (one more text), yet no text of the index is the way itself:
        // asking it word for word finds no surface that matches it exactly.
        Assert.Equal(plain.Embedded + 2, trained.Embedded);
        var surface = with.Match(way)!.ByTarget["e:" + entry.Id].Surface;
        Assert.True(surface < 0.999, $"surface cosine {surface}");
        var passage = with.Match(passageWay)!;
        Assert.True(passage.ByTarget["p:I.3"].Surface < 0.999, $"surface cosine {passage.ByTarget["p:I.3"].Surface}");
        Assert.True(passage.Probability("p:I.3") > without.Match(passageWay)!.Probability("p:I.3"), "the passage's training way raised its probability");
    }

    [Fact]
    public async Task Ready_ForgetsTheCachedVectorsOfOtherModels_AndKeepsItsOwn()
    {
        var cache = new MemoryEmbeddingCache();
        await cache.PutManyAsync("an-earlier-weighting", new Dictionary<string, float[]> { ["k1"] = [1f], ["k2"] = [0f] }, Ct);
        var logger = new ListLogger<SemanticMatcher>();
        var embedder = new CountingEmbedder();

        using (var matcher = RealModel.Matcher(Repo.Knowledge, embedder, cache, logger))
        {
            await matcher.WaitAsync(Ct);
        }

        Assert.Empty(await cache.GetManyAsync("an-earlier-weighting", ["k1", "k2"], Ct));
        Assert.Contains(logger.Entries, e => e.Id.Id == 1205 && e.Message.Contains("Removed 2 cached vectors", StringComparison.Ordinal));
        var again = new CountingEmbedder();
        using (var matcher = RealModel.Matcher(Repo.Knowledge, again, cache))
        {
            await matcher.WaitAsync(Ct);
        }

        Assert.Equal(0, again.Embedded);
    }
}
