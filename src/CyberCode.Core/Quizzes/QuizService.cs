using System.Collections.Concurrent;
using System.Security.Cryptography;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Core.Quizzes;

/// <summary>
/// Runs quizzes, one per place, for every channel: the commands (this file), answers, timers,
/// reveals, the end and the resume after a restart (<c>QuizService.Play.cs</c>). Channels call
/// <see cref="SubmitAsync"/> for button presses; <see cref="BotEngine"/> routes typed commands here.
/// </summary>
public sealed partial class QuizService : IDisposable
{
    /// <summary>The <see cref="Answering.Answer.Kind"/> of a reply to a quiz command.</summary>
    public const string AnswerKind = "quiz";

    public const string HelpText =
        "Quiz commands:\n" +
        "  quiz                      start a quiz here (same as \"quiz start\")\n" +
        "  quiz start [N] [topic]    N questions (3-20), all topics or one (\"quiz start 5 sovereignty\")\n" +
        "  quiz stop                 end it now (the starter or a moderator); answers given still count\n" +
        "  quiz score                the scores so far\n" +
        "  quiz topics               the topics you can pick\n" +
        "  leaderboard               points, quizzes played and accuracy on this server\n" +
        "  quiz stats                your own totals\n" +
        "  quiz practice [N] [topic] a private round that brings back the questions you missed\n" +
        "  quiz settings seconds N   time to answer, 10-300 s (moderators)\n" +
        "Answer by pressing a choice, or by typing its number. A right answer is worth 10 points, plus up to 5 for speed.";

    private readonly QuizBank _bank;
    private readonly KnowledgeBase _knowledge;
    private readonly IQuizStore _store;
    private readonly QuizOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QuizService> _logger;
    private readonly ConcurrentDictionary<string, IQuizPresenter> _presenters = new(StringComparer.OrdinalIgnoreCase);

    // Start and stop take this gate, so two "quiz start" in one place never both win.
    private readonly SemaphoreSlim _placeGate = new(1, 1);
    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byPlace = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _resumeGate = new();
    private Task? _resumed;

    public QuizService(QuizBank bank, KnowledgeBase knowledge, IQuizStore store, IEnumerable<IQuizPresenter> presenters, IOptions<QuizOptions> options, TimeProvider time, ILogger<QuizService> logger)
    {
        ArgumentNullException.ThrowIfNull(presenters);
        ArgumentNullException.ThrowIfNull(options);
        _bank = bank;
        _knowledge = knowledge;
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
        foreach (var presenter in presenters)
        {
            _presenters[presenter.Channel] = presenter;
        }
    }

    /// <summary>
    /// Shows this channel's quizzes through <paramref name="presenter"/> until the result is
    /// disposed: for a channel that lives shorter than the service (the CLI's chat loop).
    /// </summary>
    public IDisposable Attach(IQuizPresenter presenter)
    {
        ArgumentNullException.ThrowIfNull(presenter);
        _presenters[presenter.Channel] = presenter;
        return new Detach(() => _presenters.TryRemove(new KeyValuePair<string, IQuizPresenter>(presenter.Channel, presenter)));
    }

    /// <summary>Whether a question is open in this place, so a typed number answers it.</summary>
    public bool HasOpenQuestion(QuizPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return IsOpen(Find(place));
    }

    /// <summary>Whether a question is open where this message was written, or in its sender's practice round.</summary>
    public bool HasOpenQuestion(Incoming incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return IsOpen(Find(incoming.Place)) || IsOpen(Find(PracticePlace(incoming)));
    }

    /// <summary>Whether a quiz is running in this place.</summary>
    public bool IsRunning(QuizPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return Find(place) is not null;
    }

    /// <summary>Carries out a parsed quiz command from <paramref name="incoming"/>. Never throws for bad input.</summary>
    public async Task<QuizReply> HandleAsync(QuizCommand command, Incoming incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(incoming);
        if (command.Error is not null)
        {
            return Refused(command.Error);
        }

        await EnsureResumedAsync(cancellationToken);
        return command.Verb switch
        {
            QuizVerb.Start => await StartAsync(incoming, command, QuizMode.Group, cancellationToken),
            QuizVerb.Practice => await StartAsync(incoming, command, QuizMode.Practice, cancellationToken),
            QuizVerb.Stop => await StopAsync(incoming, cancellationToken),
            QuizVerb.Score => Score(Find(incoming.Place) ?? Find(PracticePlace(incoming))),
            QuizVerb.Leaderboard => await LeaderboardAsync(incoming, cancellationToken),
            QuizVerb.Stats => await StatsAsync(incoming, cancellationToken),
            QuizVerb.Topics => new QuizReply(QuizReplyKind.Topics, TopicsText()) { Topics = _bank.Topics },
            QuizVerb.Settings => await SettingsAsync(incoming, command.Count, cancellationToken),
            QuizVerb.Answer => await TypedAnswerAsync(incoming, command.Count ?? 0, cancellationToken),
            _ => new QuizReply(QuizReplyKind.Help, HelpText) { Private = true },
        };
    }

    /// <summary>
    /// Why <c>quiz start</c> / <c>quiz practice</c> would be refused now, or null when it would
    /// start: the checks the start itself makes first, without starting anything. A channel that
    /// confirms a start publicly before the first question is posted (Discord) asks this first,
    /// so a refusal is still shown to the asker alone. The start checks again.
    /// </summary>
    public QuizReply? StartRefusal(Incoming incoming, QuizCommand command)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Verb is not (QuizVerb.Start or QuizVerb.Practice))
        {
            return null;
        }

        var mode = command.Verb == QuizVerb.Practice ? QuizMode.Practice : QuizMode.Group;
        return StartRefusal(incoming, command, mode, out _, out _) ?? AlreadyRunning(mode == QuizMode.Practice ? PracticePlace(incoming) : incoming.Place, mode);
    }

    private QuizReply? StartRefusal(Incoming incoming, QuizCommand command, QuizMode mode, out IReadOnlyList<QuizItem> candidates, out string? topic)
    {
        (candidates, topic) = ([], null);
        if (!_presenters.ContainsKey(incoming.Channel))
        {
            return Refused("Quizzes are not available in this channel yet. Try the web chat or \"cybercode chat\".");
        }

        if (_bank.Items.Count == 0)
        {
            return Refused("There are no quiz questions yet.");
        }

        candidates = ForTopic(command.Topic, out topic);
        return candidates.Count == 0
            ? new QuizReply(QuizReplyKind.Refused, $"There are no questions on \"{command.Topic}\". {TopicsText()}") { Private = true, Topics = _bank.Topics }
            : null;
    }

    /// <summary>The refusal for a place where a quiz (or this person's practice round) is running; null when none is.</summary>
    private QuizReply? AlreadyRunning(QuizPlace place, QuizMode mode)
    {
        if (!_byPlace.TryGetValue(place.Key, out var runningId) || !_running.TryGetValue(runningId, out var other))
        {
            return null;
        }

        var s = other.Session;
        return Refused(mode == QuizMode.Practice
            ? $"Your practice round is still running (question {s.Question} of {s.Count}). Answer it, or type \"quiz stop\" there."
            : $"A quiz is already running here (question {s.Question} of {s.Count}, started by {s.Starter.Name}). Join in by answering, or \"quiz stop\" (the starter or a moderator).");
    }

    private async Task<QuizReply> StartAsync(Incoming incoming, QuizCommand command, QuizMode mode, CancellationToken cancellationToken)
    {
        if (StartRefusal(incoming, command, mode, out var candidates, out var topic) is { } refused)
        {
            return refused;
        }

        var player = incoming.Player;
        var place = mode == QuizMode.Practice ? PracticePlace(incoming) : incoming.Place;
        if (mode == QuizMode.Group && incoming.IsDirect)
        {
            mode = QuizMode.Solo;
        }

        await _placeGate.WaitAsync(cancellationToken);
        try
        {
            if (AlreadyRunning(place, mode) is { } busy)
            {
                return busy;
            }

            var count = Math.Min(command.Count ?? _options.DefaultQuestions, candidates.Count);
            var recent = await _store.RecentItemsAsync(place.Key, _options.RecentToAvoid, cancellationToken);
            IReadOnlyList<string> misses = mode == QuizMode.Practice ? await _store.MissesAsync(incoming.Channel, player.Id, cancellationToken) : [];
            var items = Pick(candidates, count, recent, misses);
            var seconds = (await _store.SettingsAsync(place.ScopeKey, cancellationToken))?.AnswerSeconds ?? _options.AnswerSeconds;
            var session = new QuizSession(NewId(), place, player, items, topic, mode, seconds, _time.GetUtcNow()) { ReplyTo = incoming.ReplyTo };
            await _store.SaveSessionAsync(session, cancellationToken);
            var running = Track(session, []);
            LogStarted(session.Id, place.Key, items.Count, mode);
            await running.Gate.WaitAsync(CancellationToken.None);
            try
            {
                // The quiz's own token, not the request's: a dropped request must not leave a quiz half-opened.
                await OpenNextAsync(running, _stopping.Token);
            }
            finally
            {
                running.Gate.Release();
            }

            var what = $"{items.Count} questions{(topic is null ? string.Empty : " on " + topic)}, {seconds} s each";
            var practice = mode == QuizMode.Practice && misses.Count > 0
                ? $" It brings back {Math.Min(misses.Count, items.Count)} you missed before."
                : string.Empty;
            var text = mode switch
            {
                QuizMode.Practice => $"Practice round: {what}.{practice}",
                QuizMode.Solo => $"Your quiz: {what}. Each answer is revealed as soon as you give it.",
                _ => $"Quiz started by {player.Name}: {what}. Everyone can answer.",
            };
            return new QuizReply(QuizReplyKind.Started, text)
            {
                SessionId = session.Id,
                Private = mode == QuizMode.Practice,
            };
        }
        finally
        {
            _placeGate.Release();
        }
    }

    private async Task<QuizReply> StopAsync(Incoming incoming, CancellationToken cancellationToken)
    {
        var running = Find(incoming.Place) ?? Find(PracticePlace(incoming));
        if (running is null)
        {
            return Refused("No quiz is running here. Start one with \"quiz start\".");
        }

        var s = running.Session;
        if (s.Starter.Id != incoming.Player.Id && !incoming.IsModerator)
        {
            return Refused($"Only {s.Starter.Name}, who started it, or a moderator can stop this quiz.");
        }

        await _placeGate.WaitAsync(cancellationToken);
        try
        {
            await running.Gate.WaitAsync(cancellationToken);
            try
            {
                if (!running.Session.IsRunning)
                {
                    return Refused("That quiz has already ended.");
                }

                if (running.Session is { Question: > 0, Revealed: false })
                {
                    await RevealAsync(running, _stopping.Token);
                }

                await FinishAsync(running, QuizEnd.Stopped, present: true, _stopping.Token);
            }
            finally
            {
                running.Gate.Release();
            }
        }
        finally
        {
            _placeGate.Release();
        }

        return new QuizReply(QuizReplyKind.Stopped, $"Quiz stopped by {incoming.Player.Name}.") { SessionId = s.Id, Private = s.Mode == QuizMode.Practice };
    }

    private QuizReply Score(Running? running)
    {
        if (running is null)
        {
            return Refused("No quiz is running here. Type \"leaderboard\" for the totals, or \"quiz start\" to begin.");
        }

        // A snapshot: the list is only added to under the gate, and copying it is enough here.
        var s = running.Session;
        QuizAnswer[] answers;
        lock (running.Answers)
        {
            answers = [.. running.Answers];
        }

        var board = new QuizScoreboardView(Target(s), QuizScoring.Scoreboard(QuizScoring.Results(answers)), s.Revealed ? s.Question : s.Question - 1, s.Count, null);
        return new QuizReply(QuizReplyKind.Score, QuizText.Scoreboard(board)) { SessionId = s.Id, Scoreboard = board };
    }

    private async Task<QuizReply> LeaderboardAsync(Incoming incoming, CancellationToken cancellationToken)
    {
        var rows = await _store.LeaderboardAsync(incoming.Place.ScopeKey, _options.LeaderboardSize, cancellationToken);
        return new QuizReply(QuizReplyKind.Leaderboard, QuizText.Leaderboard(rows)) { Standings = rows };
    }

    private async Task<QuizReply> StatsAsync(Incoming incoming, CancellationToken cancellationToken)
    {
        var player = incoming.Player;
        var standing = await _store.StandingAsync(incoming.Place.ScopeKey, player.Id, cancellationToken);
        var misses = (await _store.MissesAsync(incoming.Channel, player.Id, cancellationToken)).Count(id => _bank.Find(id) is not null);
        var text = standing is null ? "You have not finished a quiz here yet. Start one with \"quiz start\"." : "Your totals here: " + QuizText.Standing(standing) + ".";
        if (misses > 0)
        {
            text += $"\n{misses} question{(misses == 1 ? string.Empty : "s")} you missed wait for you in \"quiz practice\".";
        }

        return new QuizReply(QuizReplyKind.Stats, text) { Private = true, Standings = standing is null ? [] : [standing] };
    }

    private async Task<QuizReply> SettingsAsync(Incoming incoming, int? seconds, CancellationToken cancellationToken)
    {
        var scope = incoming.Place.ScopeKey;
        var current = (await _store.SettingsAsync(scope, cancellationToken))?.AnswerSeconds ?? _options.AnswerSeconds;
        if (seconds is null)
        {
            return new QuizReply(QuizReplyKind.Settings, $"Time to answer: {current} s. A moderator can change it with \"quiz settings seconds N\" ({QuizSettings.MinSeconds}-{QuizSettings.MaxSeconds}).") { Private = true };
        }

        if (!incoming.IsModerator)
        {
            return Refused("Only a moderator can change the quiz settings.");
        }

        await _store.SaveSettingsAsync(scope, new QuizSettings(seconds.Value), cancellationToken);
        return new QuizReply(QuizReplyKind.Settings, $"Time to answer is now {seconds} s, from the next quiz on.");
    }

    private async Task<QuizReply> TypedAnswerAsync(Incoming incoming, int choice, CancellationToken cancellationToken)
    {
        // The channel's quiz first; else the sender's own practice round.
        var group = Find(incoming.Place);
        var running = IsOpen(group) ? group : Find(PracticePlace(incoming)) ?? group;
        if (running is null)
        {
            return Refused("No quiz question is open here, so a number on its own doesn't answer anything. Start a quiz with \"quiz start\", or ask me a question about the essay.");
        }

        var s = running.Session;
        var result = await SubmitAsync(new QuizClick(incoming.Channel, s.Id, s.Question, choice, incoming.Player), cancellationToken);
        return new QuizReply(QuizReplyKind.Answer, result.Message) { Private = true, SessionId = s.Id, AnswerResult = result };
    }

    /// <summary>8 lower-case letters and digits: short enough for a button, too many to guess.</summary>
    private static string NewId() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 8);

    private static QuizReply Refused(string text) => new(QuizReplyKind.Refused, text) { Private = true };

    /// <summary>A practice round is a place of its own, so it never blocks or joins the channel's quiz.</summary>
    private static QuizPlace PracticePlace(Incoming incoming) => incoming.Place with { ConversationId = "practice:" + incoming.Player.Id };

    private static bool IsOpen(Running? running) => running?.Session is { IsRunning: true, Revealed: false, Question: > 0 };

    private Running? Find(QuizPlace place) =>
        _byPlace.TryGetValue(place.Key, out var id) && _running.TryGetValue(id, out var r) ? r : null;

    private sealed class Detach(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
