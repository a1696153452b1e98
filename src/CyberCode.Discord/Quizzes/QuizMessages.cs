using System.Globalization;
using System.Text;
using CyberCode.Core.Answering;
using CyberCode.Core.Quizzes;
using CyberCode.Discord.Rendering;

namespace CyberCode.Discord.Quizzes;

/// <summary>
/// Quiz views as Discord messages: a question is an embed with one button per choice; its reveal
/// edits it (buttons disabled, the right one green) and adds the explanation, the quote and who
/// got it; scoreboards and leaderboards are embeds with a monospaced table. Every name and every
/// text from the knowledge is escaped, and every message carries <c>allowed_mentions: {"parse": []}</c>.
/// </summary>
internal static class QuizMessages
{
    private const int QuestionColour = 0x2B6CB0;
    private const int RevealColour = 0x2F855A;
    private const int BoardColour = 0xD69E2E;

    /// <summary>Choice texts longer than this make the buttons a wall: they get their number only.</summary>
    private const int TextLabelLimit = 30;

    private const int ButtonsPerRow = 5;
    private const int NameColumn = 18;

    public static MessagePayload Question(QuizQuestionView q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var sb = new StringBuilder();
        sb.AppendLine(DiscordText.Escape(q.Question)).AppendLine();
        for (var i = 0; i < q.Choices.Count; i++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"**{i + 1}.** {DiscordText.Escape(q.Choices[i])}");
        }

        // A relative timestamp counts down in every reader's own client: no edits needed for a clock.
        sb.AppendLine().Append(CultureInfo.InvariantCulture, $"Time is up <t:{q.Deadline.ToUnixTimeSeconds()}:R> ({q.AnswerSeconds} s).");
        sb.Append(q.Target.Mode == QuizMode.Group ? " One answer each; press a button." : " Press a button.");
        var embed = new Embed(
            Title(q),
            DiscordText.Cut(sb.ToString(), AnswerRenderer.DescriptionLimit),
            null,
            new EmbedFooter(DiscordText.Cut(Footer(q), AnswerRenderer.FooterLimit)),
            Color: QuestionColour);
        return new MessagePayload(Embeds: [embed], Components: Buttons(q, correct: null), Flags: q.Target.Private ? MessagePayload.Ephemeral : null);
    }

    public static MessagePayload Reveal(QuizRevealView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var q = r.Question;
        var sb = new StringBuilder();
        sb.AppendLine(DiscordText.Escape(q.Question)).AppendLine();
        for (var i = 0; i < q.Choices.Count; i++)
        {
            var count = i < r.ChoiceCounts.Count ? r.ChoiceCounts[i] : 0;
            var mark = i + 1 == r.Correct ? "\u2705" : "\u25AB\uFE0F";
            var text = DiscordText.Escape(q.Choices[i]);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{mark} **{i + 1}.** {(i + 1 == r.Correct ? "**" + text + "**" : text)} \u2014 {count}");
        }

        sb.AppendLine().Append(CultureInfo.InvariantCulture, $"**Answer: {r.Correct}.** {DiscordText.Escape(r.Explanation)}");
        var fields = r.Citations.Take(2).Select(Quote).ToList();
        fields.Add(new EmbedField(q.Target.Mode == QuizMode.Group ? "Who got it" : "You", DiscordText.Cut(DiscordText.Escape(QuizText.Who(r)), AnswerRenderer.FieldValueLimit)));
        var title = Title(q);
        var footer = new EmbedFooter(DiscordText.Cut(Footer(q) + (r.More ? " \u00b7 next question coming" : string.Empty), AnswerRenderer.FooterLimit));
        var room = AnswerRenderer.EmbedTotalLimit - title.Length - footer.Text.Length - fields.Sum(f => f.Name.Length + f.Value.Length);
        var embed = new Embed(title, DiscordText.Cut(sb.ToString(), Math.Min(AnswerRenderer.DescriptionLimit, room)), fields, footer, Color: RevealColour);
        return new MessagePayload(Embeds: [embed], Components: Buttons(q, r.Correct), Flags: q.Target.Private ? MessagePayload.Ephemeral : null);
    }

    public static MessagePayload Scoreboard(QuizScoreboardView s, bool? ephemeral = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var title = s.End switch
        {
            null => string.Create(CultureInfo.InvariantCulture, $"Scores after {s.Asked} of {s.Count} questions"),
            QuizEnd.Completed => string.Create(CultureInfo.InvariantCulture, $"Final scores \u00b7 {s.Count} questions"),
            QuizEnd.Stopped => string.Create(CultureInfo.InvariantCulture, $"Quiz stopped after {s.Asked} of {s.Count} \u00b7 final scores"),
            QuizEnd.Abandoned => string.Create(CultureInfo.InvariantCulture, $"Quiz ended: nobody answered \u00b7 scores after {s.Asked} of {s.Count}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"Quiz closed after a restart \u00b7 scores after {s.Asked} of {s.Count}"),
        };
        var description = s.Lines.Count == 0
            ? "No answers."
            : Table(
                ["#", "Player", "Points", "Right"],
                s.Lines.Select(l => new[] { Num(l.Rank), l.Player.Name, Num(l.Points), $"{Num(l.Correct)}/{Num(l.Answered)}" }));
        var footer = s.End is null ? null : new EmbedFooter("Totals so far on this server: /leaderboard");
        var embed = new Embed(title, description, null, s.Target.Mode == QuizMode.Practice ? null : footer, Color: BoardColour);
        return new MessagePayload(Embeds: [embed], Flags: (ephemeral ?? s.Target.Private) ? MessagePayload.Ephemeral : null);
    }

    /// <summary>The reply to a quiz command; <paramref name="canBePrivate"/> is false for a reply to a message, which cannot be ephemeral.</summary>
    public static MessagePayload Reply(QuizReply reply, bool canBePrivate = true)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var flags = reply.Private && canBePrivate ? MessagePayload.Ephemeral : (int?)null;
        return reply.Kind switch
        {
            QuizReplyKind.Score when reply.Scoreboard is { } board => Scoreboard(board, flags is not null),
            QuizReplyKind.Leaderboard when reply.Standings.Count > 0 => Board("Leaderboard", reply.Standings, flags),
            QuizReplyKind.Stats when reply.Standings.Count > 0 => Board("Your quiz totals", reply.Standings, flags, Stats(reply.Text)),
            QuizReplyKind.Topics => new MessagePayload(
                Embeds: [new Embed("Quiz topics", DiscordText.Cut(DiscordText.Escape(reply.Text), AnswerRenderer.DescriptionLimit), null, new EmbedFooter("/quiz start topic:\u2026"), Color: QuestionColour)],
                Flags: flags),
            QuizReplyKind.Help => new MessagePayload(Content: DiscordText.Cut("```\n" + reply.Text.Replace("```", "'''", StringComparison.Ordinal), 1990) + "\n```", Flags: flags),
            _ => new MessagePayload(Content: DiscordText.Cut(DiscordText.Escape(reply.Text), 2000), Flags: flags),
        };
    }

    private static MessagePayload Board(string title, IReadOnlyList<QuizStanding> rows, int? flags, string? note = null)
    {
        var table = Table(
            ["#", "Player", "Points", "Quizzes", "Right"],
            rows.Select((s, i) => new[] { Num(i + 1), s.Player.Name, Num(s.Points), Num(s.Quizzes), s.Accuracy.ToString("0%", CultureInfo.InvariantCulture) }));
        var description = note is null ? table : table + "\n" + DiscordText.Escape(note);
        return new MessagePayload(Embeds: [new Embed(title, DiscordText.Cut(description, AnswerRenderer.DescriptionLimit), null, null, Color: BoardColour)], Flags: flags);
    }

    /// <summary>What the stats reply says beyond the totals (the misses waiting for practice).</summary>
    private static string? Stats(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 ? string.Join('\n', lines[1..]) : null;
    }

    /// <summary>
    /// A monospaced table in a code block: names are cut to fit, back-ticks cannot close the
    /// block, and "@" is defused like everywhere else (a code block shows it literally anyway).
    /// </summary>
    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Select(r => r.Select((cell, i) => i == 1 ? Cell(cell) : cell).ToArray()).Prepend(header).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var sb = new StringBuilder("```\n");
        foreach (var row in all)
        {
            for (var i = 0; i < row.Length; i++)
            {
                // Text columns left, numbers right.
                sb.Append(i == 1 ? row[i].PadRight(widths[i]) : row[i].PadLeft(widths[i]));
                sb.Append(i < row.Length - 1 ? "  " : "\n");
            }
        }

        return sb.Append("```").ToString();
    }

    private static string Cell(string name)
    {
        var flat = string.Join(' ', name.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Replace('`', '\'')
            .Replace("@", "@\u200B", StringComparison.Ordinal);
        return flat.Length <= NameColumn ? flat : DiscordText.Cut(flat, NameColumn);
    }

    private static IReadOnlyList<ActionRow> Buttons(QuizQuestionView q, int? correct)
    {
        var numbersOnly = q.Choices.Any(c => c.Length > TextLabelLimit);
        var buttons = q.Choices.Select((choice, i) =>
        {
            var n = i + 1;
            var label = numbersOnly ? Num(n) : DiscordText.Cut($"{n}. {choice}", AnswerRenderer.LabelLimit);
            var style = correct is null ? Button.Primary : n == correct ? Button.Success : Button.Secondary;
            return new Button(style, label, q.ButtonId(n)) { Disabled = correct is null ? null : true };
        }).ToList();
        return [.. buttons.Chunk(ButtonsPerRow).Take(5).Select(row => new ActionRow(row))];
    }

    private static EmbedField Quote(AnswerCitation c) => new(
        DiscordText.Cut($"{c.PassageId} \u00b7 {c.Section}", AnswerRenderer.FieldNameLimit),
        DiscordText.Cut("> " + DiscordText.Escape(string.Join(' ', c.Quote.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))), AnswerRenderer.FieldValueLimit));

    private static string Title(QuizQuestionView q) => string.Create(CultureInfo.InvariantCulture, $"{(q.Target.Mode == QuizMode.Practice ? "Practice \u00b7 " : string.Empty)}Question {q.Number} of {q.Count}");

    private static string Footer(QuizQuestionView q) =>
        string.IsNullOrEmpty(q.Topic) ? "Quiz on the essay" : "Topic: " + q.Topic;

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
