using CyberCode.Core.Moderation;
using CyberCode.Storage.Moderation;
using CyberCode.Storage.Tests.Knowledge;

namespace CyberCode.Storage.Tests.Moderation;

public sealed class ScopeSettingsStoreTests : IDisposable
{
    private readonly TestDatabase _file = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task ModeratorRole_IsKeptPerServer_AndSurvivesAReopen()
    {
        var at = new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);
        using (var db = TestDatabase.OpenDatabase(_file.Path))
        {
            var store = new LiteDbScopeSettingsStore(db);
            Assert.Same(ScopeSettings.Default, await store.GetAsync("guild-1", _ct));
            await store.SaveAsync("guild-1", new ScopeSettings { ModeratorRoleId = "777", ChangedBy = "discord:500", ChangedAt = at }, _ct);
            Assert.Equal("777", (await store.GetAsync("guild-1", _ct)).ModeratorRoleId);
        }

        using var reopened = TestDatabase.OpenDatabase(_file.Path);
        var again = new LiteDbScopeSettingsStore(reopened);
        var kept = await again.GetAsync("guild-1", _ct);

        Assert.Equal(("777", "discord:500", at), (kept.ModeratorRoleId, kept.ChangedBy, kept.ChangedAt));
        Assert.Null((await again.GetAsync("guild-2", _ct)).ModeratorRoleId);

        await again.SaveAsync("guild-1", kept with { ModeratorRoleId = null }, _ct);
        Assert.Null((await again.GetAsync("guild-1", _ct)).ModeratorRoleId);
    }
}
