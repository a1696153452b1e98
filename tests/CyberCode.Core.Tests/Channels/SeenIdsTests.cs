using CyberCode.Core.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Core.Tests.Channels;

public sealed class SeenIdsTests
{
    [Fact]
    public void TryFirst_SameIdTwice_OnlyTheFirstIsHandled()
    {
        var seen = new SeenIds(new FakeTimeProvider(), TimeSpan.FromMinutes(10));

        Assert.True(seen.TryFirst("interaction-1"));
        Assert.False(seen.TryFirst("interaction-1"));
        Assert.True(seen.TryFirst("interaction-2"));
    }

    [Fact]
    public void TryFirst_AfterTheWindow_IsHandledAgain_AndOldIdsAreDropped()
    {
        var time = new FakeTimeProvider();
        var seen = new SeenIds(time, TimeSpan.FromMinutes(10));
        seen.TryFirst("a");

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(seen.TryFirst("a"));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(seen.TryFirst("a"));
        Assert.Equal(1, seen.Count);
    }

    [Fact]
    public void TryFirst_PastTheCapacity_ForgetsTheOldest()
    {
        var seen = new SeenIds(new FakeTimeProvider(), TimeSpan.FromHours(1), capacity: 3);
        foreach (var id in new[] { "1", "2", "3", "4" })
        {
            Assert.True(seen.TryFirst(id));
        }

        Assert.Equal(3, seen.Count);
        Assert.False(seen.TryFirst("4"));
        Assert.True(seen.TryFirst("1"));
    }

    [Fact]
    public void Forget_AFailedDelivery_LetsTheRetryThrough()
    {
        var seen = new SeenIds(new FakeTimeProvider(), TimeSpan.FromMinutes(10));
        seen.TryFirst("activity-7");

        seen.Forget("activity-7");

        Assert.True(seen.TryFirst("activity-7"));
        Assert.False(seen.TryFirst("activity-7"));
    }
}
