using CyberCode.Core.Moderation;

namespace CyberCode.Storage.Tests.Knowledge;

public sealed class ScopedEntriesTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _database.Dispose();

    private static EntryChange Change(string scope, string id, int basedOn, string text, bool removed = false, string action = EntryActions.Edited) =>
        new(scope, id, action, TestEntries.Term(id, text), removed, false, basedOn, "discord:mod-1");

    [Fact]
    public async Task Apply_ThenReopen_KeepsStateAndEveryRevision_PerScope()
    {
        using (var store = _database.Open())
        {
            Assert.True((await store.ApplyAsync([Change("guild-a", "our-term", 0, "First text.", action: EntryActions.Added)], _ct)).Applied);
            _database.Time.Advance(TimeSpan.FromMinutes(5));
            Assert.True((await store.ApplyAsync([Change("guild-a", "our-term", 1, "Second text.")], _ct)).Applied);
            Assert.True((await store.ApplyAsync([Change("guild-b", "our-term", 0, "Server B's text.", action: EntryActions.Added)], _ct)).Applied);
        }

        using var reopened = _database.Open();
        var a = (await reopened.GetScopedAsync("guild-a", _ct)).Single();
        Assert.Equal(("Second text.", 2, "discord:mod-1"), (a.Entry!.Text, a.Revision, a.By));
        Assert.Equal(_database.Time.GetUtcNow(), a.At);
        var history = await reopened.GetScopedHistoryAsync("guild-a", "our-term", _ct);
        Assert.Equal([(1, EntryActions.Added, "First text."), (2, EntryActions.Edited, "Second text.")], history.Select(r => (r.Revision, r.Action, r.Entry!.Text)));
        Assert.Equal("Server B's text.", (await reopened.GetScopedAsync("guild-b", _ct)).Single().Entry!.Text);
        Assert.Equal(2, (await reopened.GetScopedAsync(null, _ct)).Count);
        Assert.Empty(await reopened.GetHistoryAsync("our-term", _ct));
    }

    [Fact]
    public async Task Apply_FromAStaleRevision_WritesNothingAndReturnsTheCurrentState()
    {
        using var store = _database.Open();
        await store.ApplyAsync([Change("guild-a", "our-term", 0, "First text.")], _ct);
        await store.ApplyAsync([Change("guild-a", "our-term", 1, "Second text.")], _ct);

        var outcome = await store.ApplyAsync([Change("guild-a", "our-term", 1, "Made from revision one.")], _ct);

        Assert.False(outcome.Applied);
        Assert.Equal("Second text.", outcome.Conflict!.Entry!.Text);
        Assert.Equal(2, (await store.GetScopedHistoryAsync("guild-a", "our-term", _ct)).Count);
    }

    [Fact]
    public async Task Apply_BatchWithOneConflict_WritesNoneOfIt()
    {
        using var store = _database.Open();
        await store.ApplyAsync([Change("guild-a", "taken", 0, "Already here.")], _ct);

        var outcome = await store.ApplyAsync([Change("guild-a", "fresh", 0, "New one."), Change("guild-a", "taken", 0, "Clashes.")], _ct);

        Assert.False(outcome.Applied);
        Assert.Equal("taken", outcome.Conflict!.EntryId);
        Assert.Single(await store.GetScopedAsync("guild-a", _ct));
        Assert.Empty(await store.GetScopedHistoryAsync("guild-a", "fresh", _ct));
    }

    [Fact]
    public async Task Apply_RemovedAndOverride_RoundTripTheirFlags()
    {
        using var store = _database.Open();
        await store.SeedCuratedAsync([TestEntries.Term("shared-term")], _ct);

        await store.ApplyAsync([new EntryChange("guild-a", "shared-term", EntryActions.Hidden, null, true, true, 0, "teams:aad-1")], _ct);

        var state = (await store.GetScopedAsync("guild-a", _ct)).Single();
        Assert.True(state.Removed);
        Assert.True(state.Shared);
        Assert.Null(state.Entry);
        Assert.True((await store.GetScopedHistoryAsync("guild-a", "shared-term", _ct)).Single().Removed);
        Assert.Single(await store.GetHistoryAsync("shared-term", _ct));
    }
}
