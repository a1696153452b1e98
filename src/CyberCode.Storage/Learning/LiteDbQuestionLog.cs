using System.Globalization;
using CyberCode.Core.Learning;
using CyberCode.Storage.Database;
using LiteDB;

namespace CyberCode.Storage.Learning;

/// <summary>
/// <see cref="IQuestionLog"/> in the <c>questions</c> collection: one document per signal,
/// entry and normalised question, counted up in place.
/// </summary>
internal sealed class LiteDbQuestionLog : IQuestionLog
{
    private const string Collection = "questions";

    /// <summary>How many places a tally remembers (most recent first).</summary>
    private const int MaxChannels = 5;

    private readonly CyberCodeDatabase _database;
    private readonly ILiteCollection<QuestionTallyDocument> _tallies;

    // Counting is read, add one, write: two at once would lose one.
    private readonly Lock _gate = new();

    public LiteDbQuestionLog(CyberCodeDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _tallies = database.Db.GetCollection<QuestionTallyDocument>(Collection);
        _tallies.EnsureIndex(d => d.Count);
    }

    public Task RecordAsync(QuestionEvent questionEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionEvent);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var key = QuestionKey.From(questionEvent.Question);
        if (key.Length == 0)
        {
            return Task.CompletedTask;
        }

        var signal = questionEvent.Signal.ToString();
        var id = string.Join('|', signal, questionEvent.EntryId ?? string.Empty, key);
        var place = string.IsNullOrEmpty(questionEvent.ScopeId) ? questionEvent.Channel : questionEvent.Channel + "/" + questionEvent.ScopeId;
        var at = questionEvent.At.UtcDateTime;
        try
        {
            lock (_gate)
            {
                _database.ThrowIfDisposed();
                var doc = _tallies.FindById(id) ?? new QuestionTallyDocument
                {
                    Id = id,
                    Key = key,
                    Signal = signal,
                    EntryId = questionEvent.EntryId,
                    FirstAsked = at,
                };
                doc.Count++;
                doc.Example = questionEvent.Question.Trim();
                doc.LastAsked = at > doc.LastAsked ? at : doc.LastAsked;
                doc.AnswerKind = questionEvent.AnswerKind;
                doc.Channels.Remove(place);
                doc.Channels.Insert(0, place);
                if (doc.Channels.Count > MaxChannels)
                {
                    doc.Channels.RemoveRange(MaxChannels, doc.Channels.Count - MaxChannels);
                }

                _tallies.Upsert(doc);
            }

            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task<IReadOnlyList<QuestionTally>> TopAsync(int limit, QuestionSignal? signal, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<QuestionTally>>(cancellationToken);
        }

        try
        {
            _database.ThrowIfDisposed();
            var wanted = signal?.ToString();
            IReadOnlyList<QuestionTally> top = [.. _tallies.FindAll()
                .Where(d => wanted is null || d.Signal == wanted)
                .OrderByDescending(d => d.Count)
                .ThenByDescending(d => d.LastAsked)
                .ThenBy(d => d.Key, StringComparer.Ordinal)
                .Take(limit)
                .Select(ToTally)];
            return Task.FromResult(top);
        }
        catch (Exception ex)
        {
            return Task.FromException<IReadOnlyList<QuestionTally>>(ex);
        }
    }

    private static QuestionTally ToTally(QuestionTallyDocument d) => new(
        d.Key,
        d.Example,
        Enum.Parse<QuestionSignal>(d.Signal, ignoreCase: false),
        d.Count,
        new DateTimeOffset(DateTime.SpecifyKind(d.FirstAsked, DateTimeKind.Utc)),
        new DateTimeOffset(DateTime.SpecifyKind(d.LastAsked, DateTimeKind.Utc)),
        d.Channels,
        d.EntryId);
}
