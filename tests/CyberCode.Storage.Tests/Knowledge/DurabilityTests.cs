using CyberCode.Core.Knowledge;
using CyberCode.Storage.Knowledge;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyberCode.Storage.Tests.Knowledge;

public sealed class DurabilityTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task GetCurated_EveryField_RoundTrips()
    {
        using var store = _database.Open();
        var entries = TestEntries.All();

        await store.SeedCuratedAsync(entries, _ct);
        var stored = await store.GetCuratedAsync(_ct);

        Assert.Equal(entries.Length, stored.Count);
        foreach (var expected in entries)
        {
            TestEntries.AssertSame(expected, stored.SingleOrDefault(e => e.Id == expected.Id));
            TestEntries.AssertSame(expected, (await store.GetHistoryAsync(expected.Id, _ct))[0].Entry);
        }
    }

    [Fact]
    public async Task Reopen_AfterDispose_KeepsEntriesAndHistory()
    {
        using (var first = _database.Open())
        {
            await first.SeedCuratedAsync(TestEntries.All(), _ct);
            _database.Time.Advance(TimeSpan.FromHours(3));
            await first.SeedCuratedAsync([TestEntries.Term("code-of-conduct", "Edited."), TestEntries.Event()], _ct);
        }

        using var reopened = _database.Open();
        var stored = await reopened.GetCuratedAsync(_ct);

        Assert.Equal(["code-of-conduct", "code-submitted-2011"], stored.Select(e => e.Id));
        Assert.Equal("Edited.", stored[0].Text);
        TestEntries.AssertSame(TestEntries.Event(), stored[1]);
        var history = await reopened.GetHistoryAsync("note-3", _ct);
        Assert.Equal([RevisionActions.Added, RevisionActions.Removed], history.Select(r => r.Action));
        Assert.Equal(_database.Time.GetUtcNow(), history[1].At);
        Assert.False((await reopened.SeedCuratedAsync([TestEntries.Term("code-of-conduct", "Edited."), TestEntries.Event()], _ct)).ChangedAnything);
    }

    [Fact]
    public async Task Seed_CancelledBeforeCommit_LeavesPreviousState()
    {
        using (var store = _database.Open())
        {
            await store.SeedCuratedAsync(TestEntries.All(), _ct);
        }

        using var cts = new CancellationTokenSource();
        using (var store = _database.Open(new CancellingClock(cts, _database.Time.GetUtcNow())))
        {
            var changed = new[] { TestEntries.Term("code-of-conduct", "Never committed."), TestEntries.Term("brand-new") };
            var seeding = store.SeedCuratedAsync(changed, cts.Token);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => seeding);
            Assert.True(seeding.IsCanceled);
            await AssertOriginalStateAsync(store);
        }

        using var reopened = _database.Open();
        await AssertOriginalStateAsync(reopened);
    }

    [Fact]
    public async Task Seed_AlreadyCancelledToken_WritesNothing()
    {
        using var store = _database.Open();

        var seeding = store.SeedCuratedAsync(TestEntries.All(), new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => seeding);
        Assert.Empty(await store.GetCuratedAsync(_ct));
    }

    [Fact]
    public async Task Seed_EntryTheDatabaseRejectsMidway_LeavesPreviousState()
    {
        using (var store = _database.Open())
        {
            await store.SeedCuratedAsync(TestEntries.All(), _ct);

            // An id longer than LiteDB's index key limit fails on insert, after the writes before it.
            var changed = new[]
            {
                TestEntries.Term("code-of-conduct", "Never committed."),
                TestEntries.Term("brand-new"),
                TestEntries.Term(new string('x', 2000)),
            };
            await Assert.ThrowsAsync<LiteException>(() => store.SeedCuratedAsync(changed, _ct));

            await AssertOriginalStateAsync(store);
        }

        using var reopened = _database.Open();
        await AssertOriginalStateAsync(reopened);
    }

    [Fact]
    public async Task Seed_EntryTheMapperRejects_LeavesPreviousState()
    {
        using var store = _database.Open();
        await store.SeedCuratedAsync(TestEntries.All(), _ct);
        var broken = TestEntries.Term("broken") with { Title = null! };

        var ex = await Assert.ThrowsAsync<ArgumentException>(
            () => store.SeedCuratedAsync([TestEntries.Term("code-of-conduct", "Never committed."), broken], _ct));

        Assert.Contains("'broken' has no Title", ex.Message, StringComparison.Ordinal);
        await AssertOriginalStateAsync(store);
    }

    [Fact]
    public async Task Open_PathInMissingDirectory_CreatesTheDirectory()
    {
        var relative = Path.Combine("cybercode-storage-tests-" + Guid.NewGuid().ToString("N"), "nested", "store.db");
        var full = Path.GetFullPath(relative);
        try
        {
            using (var store = TestDatabase.OpenStore(relative, _database.Time))
            {
                await store.SeedCuratedAsync([TestEntries.Event()], _ct);
            }

            Assert.True(File.Exists(full));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(full))!, recursive: true);
        }
    }

    [Fact]
    public async Task Open_InMemory_StoresWithoutAFile()
    {
        using var store = TestDatabase.OpenStore(StorageOptions.InMemory, _database.Time);

        await store.SeedCuratedAsync(TestEntries.All(), _ct);

        Assert.Equal(TestEntries.All().Length, (await store.GetCuratedAsync(_ct)).Count);
        Assert.False(File.Exists(Path.GetFullPath(StorageOptions.InMemory)));
    }

    [Fact]
    public async Task Dispose_Twice_IsHarmlessAndLaterCallsFail()
    {
        var store = _database.Open();
        store.Dispose();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetCuratedAsync(_ct));
    }

    private async Task AssertOriginalStateAsync(IKnowledgeStore store)
    {
        var stored = await store.GetCuratedAsync(_ct);
        Assert.Equal(TestEntries.All().Select(e => e.Id).Order(StringComparer.Ordinal), stored.Select(e => e.Id));
        foreach (var expected in TestEntries.All())
        {
            TestEntries.AssertSame(expected, stored.Single(e => e.Id == expected.Id));
            Assert.Single(await store.GetHistoryAsync(expected.Id, _ct));
        }

        Assert.Empty(await store.GetHistoryAsync("brand-new", _ct));
    }
}
