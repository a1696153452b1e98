using System.Runtime.CompilerServices;
using CyberCode.Core;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Quizzes;
using CyberCode.Storage.Database;
using CyberCode.Storage.Quizzes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Storage.Tests.Quizzes;

/// <summary>The quiz engine on the real LiteDB file: a restart is closing the file and opening it again.</summary>
public sealed class QuizEngineOnLiteDbTests : IDisposable
{
    private static readonly Essay Essay = new("Test", "Author", new DateOnly(2017, 11, 30), [new EssaySection("Part I", [
        new Passage("I.1", "Part I", "The first passage says one thing.", 0),
        new Passage("I.2", "Part I", "The second passage says another.", 1),
        new Passage("I.3", "Part I", "The third passage says a third.", 2)])]);

    private static readonly QuizBank Bank = new([.. Essay.Passages.Select((p, i) => new QuizItem(
        "item-" + i, "test", $"Question {i}?", ["a", "b", "c"], i % 3, "Because.", [new Citation(p.Id, p.Section, p.Text[..10], 0, 10)], QuizOrigin.Curated))]);

    private readonly TestDatabase _files = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task RestartMidQuiz_ResumesFromTheFile_AndTheLeaderboardCountsTheQuizOnce()
    {
        var incoming = new Incoming("quiz start 3", "discord", "ana", "guild-1") { ConversationId = "channel-1", UserName = "Ana" };
        string session;
        using (var db = TestDatabase.OpenDatabase(_files.Path))
        using (var service = Service(db, new Recorder()))
        {
            Assert.True(QuizCommand.TryParse(incoming.Text, out var start));
            session = (await service.HandleAsync(start, incoming, CancellationToken.None)).SessionId!;
            var item = (await new LiteDbQuizStore(db).FindSessionAsync(session, CancellationToken.None))!.ItemIds[0];
            var accepted = await service.SubmitAsync(new QuizClick("discord", session, 1, Bank.Find(item)!.Correct + 1, incoming.Player), CancellationToken.None);
            Assert.Equal(QuizAnswerStatus.Accepted, accepted.Status);
        }

        var after = new Recorder();
        using (var db = TestDatabase.OpenDatabase(_files.Path))
        using (var service = Service(db, after))
        {
            await service.ResumeAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(30));
            await service.WhenIdleAsync();
            Assert.Equal("m1", Assert.Single(after.Reveals).MessageId);

            // Ana joined, so each of her answers reveals at once.
            for (var q = 2; q <= 3; q++)
            {
                Assert.Equal(QuizAnswerStatus.Accepted, (await service.SubmitAsync(new QuizClick("discord", session, q, 1, incoming.Player), CancellationToken.None)).Status);
            }

            Assert.Single(after.Scoreboards);
        }

        using (var db = TestDatabase.OpenDatabase(_files.Path))
        using (var service = Service(db, new Recorder()))
        {
            await service.ResumeAsync(CancellationToken.None);
            var standing = Assert.Single(await new LiteDbQuizStore(db).LeaderboardAsync(incoming.Place.ScopeKey, 10, CancellationToken.None));
            Assert.Equal((1, 3), (standing.Quizzes, standing.Answered));
            Assert.Equal(QuizAnswerStatus.Ended, (await service.SubmitAsync(new QuizClick("discord", session, 3, 1, incoming.Player), CancellationToken.None)).Status);
        }
    }

    [Fact]
    public async Task TheHostsBotEngine_RoutesQuizCommands_AndAnswersPlainlyWhereNoPresenterIs()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(RepositoryRoot(), "knowledge"),
            ["Storage:DatabasePath"] = _files.Path,
        });
        builder.Services.AddCyberCodeCore(builder.Configuration);
        builder.Services.AddCyberCodeStorage(builder.Configuration);
        builder.Services.AddSingleton<IQuizPresenter>(new Recorder());
        using var host = builder.Build();
        await host.StartAsync();
        var bot = host.Services.GetRequiredService<BotEngine>();

        var started = await bot.HandleAsync(new Incoming("quiz", "discord", "ana", "guild-1") { ConversationId = "c1" }, CancellationToken.None);
        var teams = await bot.HandleAsync(new Incoming("quiz", "teams", "ana", "tenant"), CancellationToken.None);
        var number = await bot.HandleAsync(new Incoming("2", "teams", "ana", "tenant"), CancellationToken.None);

        Assert.Equal(QuizReplyKind.Started, started.Quiz!.Kind);
        Assert.Equal((QuizService.AnswerKind, true), (started.Answer.Kind, started.Answer.Answered));
        Assert.Equal(QuizReplyKind.Refused, teams.Quiz!.Kind);
        Assert.Contains("not available", teams.Answer.Text, StringComparison.Ordinal);
        // No open question there: a number says so, rather than being asked as a question.
        Assert.Equal(QuizReplyKind.Refused, number.Quiz!.Kind);
        Assert.Contains("No quiz question is open here", number.Answer.Text, StringComparison.Ordinal);
        await host.StopAsync();
    }

    private QuizService Service(CyberCodeDatabase db, Recorder presenter) =>
        new(Bank, new KnowledgeBase(Essay, [], [], new HashSet<string>()), new LiteDbQuizStore(db), [presenter], Options.Create(new QuizOptions()), _time, NullLogger<QuizService>.Instance);

    private static string RepositoryRoot([CallerFilePath] string path = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(path)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CyberCode.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No CyberCode.sln above " + path);
    }

    private sealed class Recorder : IQuizPresenter
    {
        private int _posted;

        public string Channel => "discord";

        public List<QuizRevealView> Reveals { get; } = [];

        public List<QuizScoreboardView> Scoreboards { get; } = [];

        public Task<string?> PostQuestionAsync(QuizQuestionView question, CancellationToken cancellationToken) =>
            Task.FromResult<string?>("m" + Interlocked.Increment(ref _posted));

        public Task RevealAsync(QuizRevealView reveal, CancellationToken cancellationToken)
        {
            Reveals.Add(reveal);
            return Task.CompletedTask;
        }

        public Task PostScoreboardAsync(QuizScoreboardView scoreboard, CancellationToken cancellationToken)
        {
            Scoreboards.Add(scoreboard);
            return Task.CompletedTask;
        }
    }
}
