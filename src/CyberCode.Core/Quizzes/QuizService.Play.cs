using Microsoft.Extensions.Logging;

namespace CyberCode.Core.Quizzes;

public sealed partial class QuizService
{
    /// <summary>
    /// Takes an answer (a button press, or a typed number) and says privately what became of it.
    /// An accepted answer is stored before this returns. When it was the last one awaited (see
    /// <see cref="EveryoneAnswered"/>), the reveal and the next question are presented before this
    /// returns too, so a channel with a response deadline should defer first (Discord does).
    /// </summary>
    public async Task<QuizAnswerResult> SubmitAsync(QuizClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        await EnsureResumedAsync(cancellationToken);
        if (string.IsNullOrEmpty(click.SessionId) || click.Player is null)
        {
            return new(QuizAnswerStatus.NoSuchQuiz, "There is no such quiz here. Start one with \"quiz start\".");
        }

        if (!_running.TryGetValue(click.SessionId, out var running))
        {
            var stored = await _store.FindSessionAsync(click.SessionId, cancellationToken);
            return stored is null || !string.Equals(stored.Place.Channel, click.Channel, StringComparison.OrdinalIgnoreCase)
                ? new(QuizAnswerStatus.NoSuchQuiz, "There is no such quiz here. Start one with \"quiz start\".")
                : new(QuizAnswerStatus.Ended, "This quiz has ended. Start a new one with \"quiz start\".");
        }

        await running.Gate.WaitAsync(cancellationToken);
        try
        {
            var s = running.Session;
            if (!string.Equals(s.Place.Channel, click.Channel, StringComparison.OrdinalIgnoreCase))
            {
                return new(QuizAnswerStatus.NoSuchQuiz, "There is no such quiz here.");
            }

            if (!s.IsRunning)
            {
                return new(QuizAnswerStatus.Ended, "This quiz has ended. Start a new one with \"quiz start\".");
            }

            if (s.Mode != QuizMode.Group && s.Starter.Id != click.Player.Id)
            {
                return new(QuizAnswerStatus.NotYours, $"This is {s.Starter.Name}'s own round. Start yours with \"quiz practice\".");
            }

            // A second press of one's own answer is "already answered", even when that answer
            // closed the question (a solo round reveals at once): "too late" would be misleading.
            if (click.Question >= 1 && click.Question <= s.Question && running.Answered(click.Question, click.Player.Id))
            {
                return AlreadyAnswered(click.Question);
            }

            var now = _time.GetUtcNow();
            if (click.Question < s.Question || (click.Question == s.Question && (s.Revealed || now >= s.Deadline)))
            {
                return new(QuizAnswerStatus.TooLate, $"Too late: question {click.Question} is closed.");
            }

            var item = click.Question == s.Question && s.CurrentItemId is { } itemId ? _bank.Find(itemId) : null;
            if (item is null)
            {
                return new(QuizAnswerStatus.NoSuchQuiz, "That question is not open.");
            }

            if (click.Choice < 1 || click.Choice > item.Choices.Count)
            {
                return new(QuizAnswerStatus.InvalidChoice, $"Pick a choice from 1 to {item.Choices.Count}.");
            }

            if (running.Answered(s.Question, click.Player.Id))
            {
                return AlreadyAnswered(s.Question);
            }

            var correct = click.Choice - 1 == item.Correct;
            var answer = new QuizAnswer(s.Id, s.Question, item.Id, click.Player, click.Choice, correct, QuizScoring.Points(correct, s.OpenedAt, s.Deadline, now), now, s.Place.Channel);
            if (!await _store.AddAnswerAsync(answer, cancellationToken))
            {
                return AlreadyAnswered(s.Question);
            }

            running.Add(answer);
            if (EveryoneAnswered(running))
            {
                try
                {
                    await RevealAsync(running, _stopping.Token);
                    await AdvanceAsync(running, _stopping.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The answer is stored and counts; the timer still fires and retries the reveal.
                    LogPlayFailed(ex, s.Id);
                }
            }

            return new(QuizAnswerStatus.Accepted, s.Mode == QuizMode.Group
                ? $"Got it: you chose {click.Choice}. The answer comes when time is up or everyone has answered."
                : $"You chose {click.Choice}.");
        }
        finally
        {
            running.Gate.Release();
        }
    }

    /// <summary>
    /// Everyone who has joined has answered. Joined, in a group: whoever answered an earlier
    /// question of this quiz. So question 1 always runs its full time (people are still arriving,
    /// and the starter alone must not close it on the others), and from then on the quiz keeps
    /// the pace of the people playing; someone who drops out only costs one full-time question.
    /// In a solo or practice round the one player is everyone.
    /// </summary>
    private static bool EveryoneAnswered(Running running)
    {
        var s = running.Session;
        if (s.Mode != QuizMode.Group)
        {
            return running.Answered(s.Question, s.Starter.Id);
        }

        var joined = running.PlayersBefore(s.Question);
        return joined.Count > 0 && joined.All(id => running.Answered(s.Question, id));
    }

    /// <summary>Posts the next question and arms its timer; ends the quiz after the last. The gate is held.</summary>
    private async Task OpenNextAsync(Running running, CancellationToken cancellationToken)
    {
        var s = running.Session;
        var number = s.Question + 1;
        var item = number <= s.Count ? _bank.Find(s.ItemIds[number - 1]) : null;
        if (item is null)
        {
            // Past the last question, or the item left the knowledge across a restart.
            await FinishAsync(running, number <= s.Count ? QuizEnd.Expired : QuizEnd.Completed, present: true, cancellationToken);
            return;
        }

        var now = _time.GetUtcNow();
        s = s with { Question = number, OpenedAt = now, Deadline = now.AddSeconds(s.AnswerSeconds), Revealed = false };
        await _store.SaveSessionAsync(s, cancellationToken);
        running.Session = s;
        Arm(running);
        var messageId = await PresentAsync(s, p => p.PostQuestionAsync(QuestionView(s, item), cancellationToken));
        if (messageId is not null)
        {
            var messages = s.Messages.ToList();
            while (messages.Count < number)
            {
                messages.Add(null);
            }

            messages[number - 1] = messageId;
            s = running.Session with { Messages = messages };
            await _store.SaveSessionAsync(s, cancellationToken);
            running.Session = s;
        }
    }

    /// <summary>Closes the current question and presents the answer. The gate is held.</summary>
    private async Task RevealAsync(Running running, CancellationToken cancellationToken)
    {
        var s = running.Session;
        var item = s.CurrentItemId is { } id ? _bank.Find(id) : null;
        var answers = running.For(s.Question);
        s = s with { Revealed = true, Unanswered = answers.Count == 0 ? s.Unanswered + 1 : 0 };
        await _store.SaveSessionAsync(s, cancellationToken);
        running.Session = s;
        running.Timer?.Dispose();
        if (item is null)
        {
            return;
        }

        var counts = new int[item.Choices.Count];
        foreach (var a in answers)
        {
            counts[a.Choice - 1]++;
        }

        var right = answers.Where(a => a.Correct).OrderBy(a => a.At).ThenBy(a => a.Player.Name, StringComparer.OrdinalIgnoreCase)
            .Select((a, i) => new QuizScoreLine(i + 1, a.Player, a.Points, 1, 1)).ToList();
        var wrong = answers.Where(a => !a.Correct).OrderBy(a => a.Player.Name, StringComparer.OrdinalIgnoreCase).Select(a => a.Player).ToList();
        var view = new QuizRevealView(Target(s), QuestionView(s, item), s.MessageFor(s.Question), item.Correct + 1, item.Explanation, Citations(item), right, wrong, counts)
        {
            More = s.Question < s.Count && s.Unanswered < _options.EndAfterUnansweredQuestions,
        };
        await PresentAsync<bool>(s, async p =>
        {
            await p.RevealAsync(view, cancellationToken);
            return true;
        });
    }

    /// <summary>After a reveal: the next question, or the end. The gate is held.</summary>
    private Task AdvanceAsync(Running running, CancellationToken cancellationToken)
    {
        var s = running.Session;
        return s.Question >= s.Count ? FinishAsync(running, QuizEnd.Completed, present: true, cancellationToken)
            : s.Unanswered >= _options.EndAfterUnansweredQuestions ? FinishAsync(running, QuizEnd.Abandoned, present: true, cancellationToken)
            : OpenNextAsync(running, cancellationToken);
    }

    /// <summary>
    /// Ends the quiz and adds its results to the standings, in one store write that happens at
    /// most once per quiz, so no restart or race counts a score twice. The gate is held.
    /// </summary>
    private async Task FinishAsync(Running running, QuizEnd end, bool present, CancellationToken cancellationToken)
    {
        running.Timer?.Dispose();
        var s = running.Session with { End = end, EndedAt = _time.GetUtcNow() };
        var results = QuizScoring.Results(running.For(null));
        var first = await _store.FinishAsync(s, results, countInStandings: s.Mode != QuizMode.Practice, cancellationToken);
        running.Session = s;
        _running.TryRemove(s.Id, out _);
        _byPlace.TryRemove(new KeyValuePair<string, string>(s.Place.Key, s.Id));
        LogFinished(s.Id, end, results.Count);
        if (first && present)
        {
            var asked = s.Revealed ? s.Question : Math.Max(0, s.Question - 1);
            var board = new QuizScoreboardView(Target(s), QuizScoring.Scoreboard(results), asked, s.Count, end);
            await PresentAsync<bool>(s, async p =>
            {
                await p.PostScoreboardAsync(board, cancellationToken);
                return true;
            });
        }
    }

    private void Arm(Running running)
    {
        var s = running.Session;
        var due = s.Deadline - _time.GetUtcNow();
        running.Timer?.Dispose();
        running.Timer = _time.CreateTimer(
            _ => Background(OnDeadlineAsync(running, s.Question)),
            null,
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            Timeout.InfiniteTimeSpan);
    }

    private async Task OnDeadlineAsync(Running running, int question)
    {
        try
        {
            await running.Gate.WaitAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            var s = running.Session;
            if (!s.IsRunning || s.Question != question || s.Revealed)
            {
                return;
            }

            if (_time.GetUtcNow() < s.Deadline)
            {
                Arm(running); // a timer may fire a hair early
                return;
            }

            await RevealAsync(running, _stopping.Token);
            await AdvanceAsync(running, _stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPlayFailed(ex, running.Session.Id);
        }
        finally
        {
            running.Gate.Release();
        }
    }
}
