using CyberCode.Core.Knowledge;
using CyberCode.Storage.Knowledge;
using Microsoft.Extensions.Logging;

namespace CyberCode.Storage.Tests.Knowledge;

public sealed class SeedCuratedTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly LiteDbKnowledgeStore _store;
    private readonly CancellationToken _ct = CancellationToken.None;

    public SeedCuratedTests() => _store = _database.Open();

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Seed_FreshStore_AddsAllWithRevisionOne()
    {
        var entries = TestEntries.All();

        var report = await _store.SeedCuratedAsync(entries, _ct);

        Assert.Equal(entries.Select(e => e.Id), report.Added);
        Assert.Empty(report.Updated);
        Assert.Empty(report.Removed);
        Assert.Equal(0, report.Unchanged);
        Assert.Equal(entries.Select(e => e.Id).Order(StringComparer.Ordinal), (await _store.GetCuratedAsync(_ct)).Select(e => e.Id));

        var history = Assert.Single(await _store.GetHistoryAsync("code-submitted-2011", _ct));
        Assert.Equal(1, history.Revision);
        Assert.Equal(RevisionActions.Added, history.Action);
        Assert.Equal("knowledge/timeline.yaml", history.By);
        Assert.Equal(_database.Time.GetUtcNow(), history.At);
        TestEntries.AssertSame(TestEntries.Event(), history.Entry);
    }

    [Fact]
    public async Task Seed_SameEntriesTwice_ChangesNothing()
    {
        await _store.SeedCuratedAsync(TestEntries.All(), _ct);
        _database.Time.Advance(TimeSpan.FromHours(1));

        var report = await _store.SeedCuratedAsync(TestEntries.All(), _ct);

        Assert.False(report.ChangedAnything);
        Assert.Equal(TestEntries.All().Length, report.Unchanged);
        foreach (var entry in TestEntries.All())
        {
            Assert.Single(await _store.GetHistoryAsync(entry.Id, _ct));
        }
    }

    [Fact]
    public async Task Seed_EditedText_UpdatesOnlyThatEntryWithRevisionTwo()
    {
        await _store.SeedCuratedAsync(TestEntries.All(), _ct);
        _database.Time.Advance(TimeSpan.FromDays(2));
        var edited = TestEntries.All();
        edited[0] = TestEntries.Term("code-of-conduct", "A revised definition.");

        var report = await _store.SeedCuratedAsync(edited, _ct);

        Assert.Equal(["code-of-conduct"], report.Updated);
        Assert.Empty(report.Added);
        Assert.Empty(report.Removed);
        Assert.Equal(edited.Length - 1, report.Unchanged);
        var stored = (await _store.GetCuratedAsync(_ct)).Single(e => e.Id == "code-of-conduct");
        Assert.Equal("A revised definition.", stored.Text);

        var history = await _store.GetHistoryAsync("code-of-conduct", _ct);
        Assert.Equal([1, 2], history.Select(r => r.Revision));
        Assert.Equal(RevisionActions.Updated, history[1].Action);
        Assert.Equal(_database.Time.GetUtcNow(), history[1].At);
        Assert.True(history[1].At > history[0].At);
        Assert.Equal("A revised definition.", history[1].Entry?.Text);
        Assert.Equal(TestEntries.Term("code-of-conduct").Text, history[0].Entry?.Text);
        Assert.Single(await _store.GetHistoryAsync("note-3", _ct));
    }

    [Fact]
    public async Task Seed_ChangeInNestedField_IsDetected()
    {
        await _store.SeedCuratedAsync([TestEntries.Note()], _ct);

        var report = await _store.SeedCuratedAsync([TestEntries.Note(url: null)], _ct);

        Assert.Equal(["note-3"], report.Updated);
        Assert.Null((await _store.GetCuratedAsync(_ct)).Single().Note?.Url);
    }

    [Fact]
    public async Task Seed_EntryDroppedFromList_RemovesItWithRemovedRevision()
    {
        await _store.SeedCuratedAsync(TestEntries.All(), _ct);
        _database.Time.Advance(TimeSpan.FromMinutes(5));

        var report = await _store.SeedCuratedAsync(TestEntries.All().Where(e => e.Id != "change-human-rights").ToArray(), _ct);

        Assert.Equal(["change-human-rights"], report.Removed);
        Assert.Empty(report.Added);
        Assert.Empty(report.Updated);
        Assert.DoesNotContain(await _store.GetCuratedAsync(_ct), e => e.Id == "change-human-rights");
        var history = await _store.GetHistoryAsync("change-human-rights", _ct);
        Assert.Equal([RevisionActions.Added, RevisionActions.Removed], history.Select(r => r.Action));
        Assert.Equal(2, history[1].Revision);
        Assert.Equal("knowledge/changes.yaml", history[1].By);
        Assert.Null(history[1].Entry);
        Assert.Equal(_database.Time.GetUtcNow(), history[1].At);
    }

    [Fact]
    public async Task Seed_RemovedEntryComesBack_ContinuesItsRevisions()
    {
        await _store.SeedCuratedAsync([TestEntries.Event()], _ct);
        await _store.SeedCuratedAsync([], _ct);

        var report = await _store.SeedCuratedAsync([TestEntries.Event()], _ct);

        Assert.Equal(["code-submitted-2011"], report.Added);
        var history = await _store.GetHistoryAsync("code-submitted-2011", _ct);
        Assert.Equal([1, 2, 3], history.Select(r => r.Revision));
        Assert.Equal([RevisionActions.Added, RevisionActions.Removed, RevisionActions.Added], history.Select(r => r.Action));
    }

    [Fact]
    public async Task Seed_DuplicateIds_IsRefusedAndWritesNothing()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(
            () => _store.SeedCuratedAsync([TestEntries.Term("same-id"), TestEntries.Term("same-id")], _ct));

        Assert.Contains("same-id", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.GetCuratedAsync(_ct));
        Assert.Empty(await _store.GetHistoryAsync("same-id", _ct));
    }

    [Fact]
    public async Task Seed_ConcurrentRuns_AddEachEntryOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _store.SeedCuratedAsync(TestEntries.All(), _ct), _ct)));

        Assert.Equal(TestEntries.All().Length, runs.Sum(r => r.Added.Count));
        foreach (var entry in TestEntries.All())
        {
            Assert.Single(await _store.GetHistoryAsync(entry.Id, _ct));
        }
    }

    [Fact]
    public async Task Seed_LogsWhatChanged_AndStaysQuietWhenNothingDid()
    {
        var logger = new ListLogger<LiteDbKnowledgeStore>();
        using var database = new TestDatabase();
        using (var store = database.Open(logger: logger))
        {
            await store.SeedCuratedAsync([TestEntries.Event(), TestEntries.Note()], _ct);
        }

        Assert.Contains((LogLevel.Information, "Seeded curated entries: 2 added, 0 updated, 0 removed, 0 unchanged"), logger.Entries);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("added: [code-submitted-2011, note-3]", StringComparison.Ordinal));

        logger.Entries.Clear();
        using (var store = database.Open(logger: logger))
        {
            await store.SeedCuratedAsync([TestEntries.Event(), TestEntries.Note()], _ct);
        }

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Information);
    }

    [Fact]
    public async Task GetHistory_UnknownId_IsEmpty()
    {
        await _store.SeedCuratedAsync(TestEntries.All(), _ct);

        Assert.Empty(await _store.GetHistoryAsync("no-such-entry", _ct));
    }
}
