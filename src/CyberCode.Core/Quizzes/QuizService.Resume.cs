namespace CyberCode.Core.Quizzes;

/// <summary>The resume after a restart, and the end of the service.</summary>
public sealed partial class QuizService
{
    /// <summary>
    /// Resumes the quizzes a restart interrupted, once per service: a group quiz whose question is
    /// still open gets its timer back; one whose time ran out is revealed and goes on, or, when it
    /// ran out more than <see cref="QuizOptions.ResumeWithinMinutes"/> ago, is closed with its
    /// results. Solo and practice rounds are closed: their one player has left (a new terminal, a
    /// reloaded page, an expired private message). Called by the host at start and before any quiz call.
    /// </summary>
    public Task ResumeAsync(CancellationToken cancellationToken) => EnsureResumedAsync(cancellationToken);

    /// <summary>Completes when no timer-driven reveal or question is being presented (for shutdown and tests).</summary>
    public async Task WhenIdleAsync()
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Keys);
        }
    }

    public void Dispose()
    {
        // Quizzes stay running in the store: the next start resumes them.
        _stopping.Cancel();
        foreach (var r in _running.Values)
        {
            r.Timer?.Dispose();
        }

        _stopping.Dispose();
    }

    private Task EnsureResumedAsync(CancellationToken cancellationToken)
    {
        lock (_resumeGate)
        {
            if (_resumed is null || _resumed.IsFaulted || _resumed.IsCanceled)
            {
                _resumed = ResumeAllAsync(cancellationToken);
            }

            return _resumed;
        }
    }

    private async Task ResumeAllAsync(CancellationToken cancellationToken)
    {
        foreach (var session in await _store.RunningSessionsAsync(cancellationToken))
        {
            if (_running.ContainsKey(session.Id))
            {
                continue;
            }

            var running = Track(session, await _store.AnswersAsync(session.Id, cancellationToken));
            await running.Gate.WaitAsync(cancellationToken);
            try
            {
                var now = _time.GetUtcNow();
                var stale = session.Question > 0 && now - session.Deadline > TimeSpan.FromMinutes(_options.ResumeWithinMinutes);
                LogResuming(session.Id, session.Place.Key, session.Question, stale || session.Mode != QuizMode.Group);
                if (session.Mode != QuizMode.Group)
                {
                    await FinishAsync(running, QuizEnd.Expired, present: false, _stopping.Token);
                }
                else if (session.Question == 0)
                {
                    await OpenNextAsync(running, _stopping.Token);
                }
                else if (!session.Revealed && now < session.Deadline)
                {
                    Arm(running);
                }
                else
                {
                    if (!session.Revealed)
                    {
                        await RevealAsync(running, _stopping.Token);
                    }

                    if (stale)
                    {
                        await FinishAsync(running, QuizEnd.Expired, present: true, _stopping.Token);
                    }
                    else
                    {
                        await AdvanceAsync(running, _stopping.Token);
                    }
                }
            }
            finally
            {
                running.Gate.Release();
            }
        }
    }
}
