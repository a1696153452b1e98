using CyberCode.Core.Learning;
using CyberCode.Storage.Learning;
using CyberCode.Storage.Tests.Knowledge;
using CyberCode.Storage.Semantic;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Storage.Tests.Learning;

public sealed class QuestionLogTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _file = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Record_SameQuestionWrittenDifferently_CountedAsOne()
    {
        using var db = TestDatabase.OpenDatabase(_file.Path);
        var log = new LiteDbQuestionLog(db);

        await log.RecordAsync(Miss("What did the Yekaterinburg summit produce?", "discord", "guild-1", Monday), _ct);
        await log.RecordAsync(Miss("what did the yekaterinburg summit produce", "web", null, Monday.AddHours(2)), _ct);

        var tally = Assert.Single(await log.TopAsync(10, QuestionSignal.Miss, _ct));
        Assert.Equal(2, tally.Count);
        Assert.Equal("what did the yekaterinburg summit produce", tally.Example);
        Assert.Equal(Monday, tally.FirstAsked);
        Assert.Equal(Monday.AddHours(2), tally.LastAsked);
        Assert.Equal(["web", "discord/guild-1"], tally.Channels);
    }

    [Fact]
    public async Task Top_MostFrequentFirst_AndFeedbackKeptApartFromMisses()
    {
        using var db = TestDatabase.OpenDatabase(_file.Path);
        var log = new LiteDbQuestionLog(db);
        await log.RecordAsync(Miss("who founded icann", "web", null, Monday), _ct);
        for (var i = 0; i < 3; i++)
        {
            await log.RecordAsync(Miss("what is a botnet", "cli", null, Monday.AddMinutes(i)), _ct);
        }

        await log.RecordAsync(new QuestionEvent("define cyber sovereignty", QuestionSignal.NotHelpful, "web", null, "term-cyber-sovereignty", "definition", Monday), _ct);

        var misses = await log.TopAsync(10, QuestionSignal.Miss, _ct);
        Assert.Equal(["what is a botnet", "who founded icann"], misses.Select(m => m.Key));
        var notHelpful = Assert.Single(await log.TopAsync(10, QuestionSignal.NotHelpful, _ct));
        Assert.Equal("term-cyber-sovereignty", notHelpful.EntryId);
        Assert.Equal(3, (await log.TopAsync(10, null, _ct)).Count);
        Assert.Single(await log.TopAsync(1, null, _ct));
    }

    [Fact]
    public async Task TopInScope_CountsEachServersOwn_AcrossFlushesAndAReopen()
    {
        using (var db = TestDatabase.OpenDatabase(_file.Path))
        using (var log = new LiteDbQuestionLog(db))
        {
            for (var i = 0; i < 3; i++)
            {
                await log.RecordAsync(Miss("What is a botnet?", "discord", "guild-1", Monday.AddMinutes(i)), _ct);
            }

            await log.TopAsync(1, null, _ct); // flushes: the next events are added to stored tallies
            await log.RecordAsync(Miss("what is a BOTNET", "teams", "tenant-1", Monday.AddHours(1)), _ct);
            await log.RecordAsync(Miss("who founded icann", "web", null, Monday.AddHours(2)), _ct);
            await log.RecordAsync(Miss("what is a botnet", "discord", null, Monday.AddHours(3)), _ct); // a DM
        }

        using var reopened = TestDatabase.OpenDatabase(_file.Path);
        var stored = new LiteDbQuestionLog(reopened);
        var guild = Assert.Single(await stored.TopInScopeAsync("guild-1", 10, QuestionSignal.Miss, _ct));
        var tenant = Assert.Single(await stored.TopInScopeAsync("tenant-1", 10, QuestionSignal.Miss, _ct));
        var local = Assert.Single(await stored.TopInScopeAsync("local", 10, null, _ct));

        Assert.Equal((3, "What is a botnet?", Monday, Monday.AddMinutes(2)), (guild.Count, guild.Example, guild.FirstAsked, guild.LastAsked));
        Assert.Equal((1, "what is a BOTNET"), (tenant.Count, tenant.Example));
        Assert.Equal(["teams"], tenant.Channels);
        Assert.Equal("who founded icann", local.Key);
        Assert.Equal(1, Assert.Single(await stored.TopInScopeAsync("shared", 10, null, _ct)).Count);
        Assert.Equal(5, (await stored.TopAsync(10, QuestionSignal.Miss, _ct)).Single(t => t.Key == "what is a botnet").Count);
        Assert.Empty(await stored.TopInScopeAsync("guild-2", 10, null, _ct));
    }

    [Fact]
    public async Task Record_SurvivesAReopenOfTheFile()
    {
        using (var db = TestDatabase.OpenDatabase(_file.Path))
        using (var log = new LiteDbQuestionLog(db))
        {
            // Disposed before the database, as the container does at shutdown.
            await log.RecordAsync(Miss("what is a botnet", "cli", null, Monday), _ct);
        }

        using var reopened = TestDatabase.OpenDatabase(_file.Path);
        Assert.Equal(1, Assert.Single(await new LiteDbQuestionLog(reopened).TopAsync(5, null, _ct)).Count);
    }

    [Fact]
    public async Task Record_IsWrittenWithinASecond_WithoutAnyRead()
    {
        var time = new FakeTimeProvider(Monday);
        using var db = TestDatabase.OpenDatabase(_file.Path);
        using var log = new LiteDbQuestionLog(db, time);
        var stored = db.Db.GetCollection("questions");

        await log.RecordAsync(Miss("what is a botnet", "web", null, Monday), _ct);
        await log.RecordAsync(Miss("What is a botnet?", "cli", null, Monday.AddMilliseconds(10)), _ct);
        var beforeTheTick = stored.Count();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, beforeTheTick);
        var doc = Assert.Single(stored.FindAll());
        Assert.Equal(2, doc["Count"].AsInt32);
        Assert.Equal(["cli", "web"], doc["Channels"].AsArray.Select(c => c.AsString));
    }

    [Fact]
    public async Task Record_ManyAtOnce_NoCountIsLost()
    {
        using var db = TestDatabase.OpenDatabase(_file.Path);
        var log = new LiteDbQuestionLog(db);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => log.RecordAsync(Miss("what is a botnet", "web", null, Monday.AddSeconds(i)), _ct))));

        Assert.Equal(200, Assert.Single(await log.TopAsync(5, QuestionSignal.Miss, _ct)).Count);
    }

    [Fact]
    public async Task EmbeddingCache_VectorsReadBackExactly_PerModel_AfterReopen()
    {
        float[] vector = [0.1f, -0.25f, 1e-7f, 0.333333f];
        using (var db = TestDatabase.OpenDatabase(_file.Path))
        {
            await new LiteDbEmbeddingCache(db).PutManyAsync("model-a", new Dictionary<string, float[]> { ["k1"] = vector }, _ct);
        }

        using var reopened = TestDatabase.OpenDatabase(_file.Path);
        var cache = new LiteDbEmbeddingCache(reopened);
        Assert.Equal(vector, (await cache.GetManyAsync("model-a", ["k1", "k2"], _ct))["k1"]);
        Assert.Empty(await cache.GetManyAsync("model-b", ["k1"], _ct));
    }

    [Fact]
    public async Task EmbeddingCache_RetainModels_RemovesEveryOtherModelsVectors_ForGood()
    {
        using (var db = TestDatabase.OpenDatabase(_file.Path))
        {
            var cache = new LiteDbEmbeddingCache(db);
            await cache.PutManyAsync("m/idf4-old", new Dictionary<string, float[]> { ["k1"] = [1f], ["k2"] = [2f] }, _ct);
            await cache.PutManyAsync("m/idf4-new", new Dictionary<string, float[]> { ["k1"] = [3f] }, _ct);
            await cache.PutManyAsync("m/idf4-new/classifier", new Dictionary<string, float[]> { ["f"] = [4f] }, _ct);

            Assert.Equal(2, await cache.RetainModelsAsync(["m/idf4-new", "m/idf4-new/classifier"], _ct));
            Assert.Equal(0, await cache.RetainModelsAsync(["m/idf4-new", "m/idf4-new/classifier"], _ct));
        }

        using var reopened = TestDatabase.OpenDatabase(_file.Path);
        var after = new LiteDbEmbeddingCache(reopened);
        Assert.Empty(await after.GetManyAsync("m/idf4-old", ["k1", "k2"], _ct));
        var kept = await after.GetManyAsync("m/idf4-new", ["k1"], _ct);
        var classifier = await after.GetManyAsync("m/idf4-new/classifier", ["f"], _ct);
        Assert.Equal(new[] { 3f }, kept["k1"]);
        Assert.Equal(new[] { 4f }, classifier["f"]);
    }

    private static QuestionEvent Miss(string question, string channel, string? scope, DateTimeOffset at) =>
        new(question, QuestionSignal.Miss, channel, scope, null, "decline", at);
}

public sealed class DamagedDatabaseTests : IDisposable
{
    private readonly TestDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Open_DamagedFile_SaysWhichFileAndWhatToDo()
    {
        using (var store = _file.Open())
        {
            await store.SeedCuratedAsync(TestEntries.All(), CancellationToken.None);
        }

        using (var stream = File.Open(_file.Path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 8192 * 2;
            stream.Write(Enumerable.Repeat((byte)0xFF, 8192 * 3).ToArray());
        }

        var ex = Assert.Throws<StorageUnavailableException>(() => TestDatabase.OpenDatabase(_file.Path));
        Assert.Contains(_file.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("looks damaged", ex.Message, StringComparison.Ordinal);
    }
}
