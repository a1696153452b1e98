using System.Globalization;
using CyberCode.Core.Knowledge;

namespace CyberCode.Bot.Web.Ui;

/// <summary>The body of <c>GET /api/essay</c>: the essay by section, each passage with its id.</summary>
internal sealed record EssayView(string Title, string Author, string Published, IReadOnlyList<EssaySectionView> Sections)
{
    public static EssayView From(Essay essay) => new(
        essay.Title,
        essay.Author,
        essay.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        essay.Sections
            .Select(s => new EssaySectionView(s.Title, s.Passages.Select(p => new EssayPassageView(p.Id, p.Text, EssayLinks.For(p.Id, null))).ToArray()))
            .ToArray());
}

internal sealed record EssaySectionView(string Title, IReadOnlyList<EssayPassageView> Passages);

internal sealed record EssayPassageView(string Id, string Text, string Link);
