using CyberCode.Core.Learning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Tests.Web;

/// <summary>Stopping the service (what SIGTERM does): requests in flight finish, then the database is closed cleanly.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cybercode-web-tests", Guid.NewGuid().ToString("N"));

    public ShutdownTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "cybercode.db");

    [Fact]
    public async Task Stop_WithARequestInFlight_LetsItFinish()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await ServiceHost.StartAsync(mapExtra: app => app.MapGet("/test/slow", async () =>
        {
            entered.SetResult();
            await release.Task;
            return "finished";
        }));
        try
        {
            var inFlight = host.Client.GetStringAsync("test/slow");
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

            var stopping = host.StopAsync();
            await Task.Delay(200);
            Assert.False(stopping.IsCompleted, "The host stopped without waiting for the request in flight.");
            release.SetResult();

            Assert.Equal("finished", await inFlight.WaitAsync(TimeSpan.FromSeconds(10)));
            await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            release.TrySetResult();
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stop_ClosesTheDatabase_SoItReopensWithTheMissesAndSeededEntries()
    {
        var host = await ServiceHost.StartAsync(new Dictionary<string, string?> { ["Storage:DatabasePath"] = DatabasePath });
        (await host.Client.AskAsync("how tall is mount kilimanjaro")).Dispose();
        await host.StopAsync();
        await host.DisposeAsync();

        await using var reopened = StoredDatabase.Open(DatabasePath);
        var misses = await reopened.GetRequiredService<IQuestionLog>().TopAsync(10, QuestionSignal.Miss, CancellationToken.None);
        Assert.Contains(misses, m => m.Key == "how tall is mount kilimanjaro");
        var curated = await reopened.GetRequiredService<CyberCode.Core.Knowledge.IKnowledgeStore>().GetCuratedAsync(CancellationToken.None);
        Assert.True(curated.Count > 100, $"{curated.Count} curated entries after reopening");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a failed cleanup must not fail the test.
        }
    }
}
