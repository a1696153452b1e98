using System.Globalization;
using CyberCode.Core.Knowledge;

namespace CyberCode.Bot.Web.Ui;

/// <summary>One dated event as the timeline page and <c>GET /api/timeline</c> show it.</summary>
/// <param name="Date">ISO form, as precise as the essay: <c>2009</c>, <c>2012-12</c>, <c>2011-06-02</c>.</param>
/// <param name="DateText">For people: "2 June 2011".</param>
/// <param name="Link">The essay reader at the passage, with the quote highlighted.</param>
internal sealed record TimelineEvent(
    string Id,
    string Date,
    string DateText,
    int Year,
    string Title,
    string Text,
    string? PassageId,
    string? Quote,
    string? Link);

/// <summary>The dated events of the knowledge base, oldest first.</summary>
internal static class TimelineView
{
    public static IReadOnlyList<TimelineEvent> From(KnowledgeBase knowledge) =>
        knowledge.OfKind(EntryKind.Event)
            .Where(e => e.Date is not null)
            // The knowledge files list events in a deliberate order; keep it among events of one date.
            .Select((e, i) => (Entry: e, Index: i))
            .OrderBy(x => x.Entry.Date)
            .ThenBy(x => x.Index)
            .Select(x => Describe(x.Entry))
            .ToArray();

    private static TimelineEvent Describe(Entry entry)
    {
        var date = entry.Date!;
        var cite = entry.Citations.Count > 0 ? entry.Citations[0] : null;
        return new TimelineEvent(
            entry.Id,
            Iso(date),
            date.ToString(),
            date.Year,
            entry.Title,
            entry.Text,
            cite?.PassageId,
            cite?.Quote,
            cite is null ? null : EssayLinks.For(cite.PassageId, cite.Quote));
    }

    private static string Iso(EventDate date) => (date.Month, date.Day) switch
    {
        (int m, int d) => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{m:D2}-{d:D2}"),
        (int m, null) => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{m:D2}"),
        _ => date.Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
