using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CyberCode.Core.Answering;
using CyberCode.Core.Moderation;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Cards;

namespace CyberCode.Teams.Moderation;

/// <summary>
/// What a <c>kb</c> command answered, as an Adaptive Card: the outcome, the engine's text, the
/// entry's quotes with passage id and section, and each follow-up command as a button (or as text
/// to copy when too long for one). Everything shown from the knowledge base is people's text and
/// is escaped (<see cref="CardMarkdown"/>).
/// </summary>
internal static class ModerationCard
{
    /// <summary>Longer commands are shown to copy: a button would cut its title, and its data stays hidden.</summary>
    private const int MaxButtonCommand = 300;

    private const int MaxButtonTitle = 60;

    public static OutgoingActivity Message(Activity to, ModerationReply reply, IReadOnlyList<AnswerCitation> citations, string footer)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var summary = Summary(reply.Text);
        var card = Render(reply, citations, footer, reply.File is null ? null : reply.File.Content);
        var message = OutgoingActivity.Card(to, card, summary);
        if (reply.File is not { } file || AnswerMessage.Fits(message))
        {
            return FitOrPlain(to, message, reply);
        }

        // The longest start of the export that fits (found by halving), ended before the entry
        // that would not fit whole, and said to be cut.
        var (low, high) = (0, file.Content.Length);
        OutgoingActivity? best = null;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            var attempt = OutgoingActivity.Card(to, Render(reply, citations, footer, CutAt(file.Content, mid), cutFrom: file.Content.Length), summary);
            if (AnswerMessage.Fits(attempt))
            {
                (low, best) = (mid, attempt);
            }
            else
            {
                high = mid - 1;
            }
        }

        if (best is not null)
        {
            return best;
        }

        return FitOrPlain(to, message, reply);
    }

    /// <summary>The export up to <paramref name="length"/>, ended at the last entry ("- " starting a line) or line that ends before it.</summary>
    internal static string CutAt(string yaml, int length)
    {
        var prefix = yaml[..Math.Min(length, yaml.Length)];
        var line = prefix.LastIndexOf('\n');
        if (line < 0)
        {
            return prefix;
        }

        for (var i = line; i > 0; i = prefix.LastIndexOf('\n', i - 1))
        {
            var next = prefix.AsSpan(i + 1).TrimStart(' ');
            if (next.StartsWith("- ", StringComparison.Ordinal))
            {
                return prefix[..(i + 1)];
            }
        }

        return prefix[..(line + 1)];
    }

    public static JsonObject Render(ModerationReply reply, IReadOnlyList<AnswerCitation> citations, string footer, string? file = null, int? cutFrom = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(citations);
        var body = new JsonArray();
        var heading = Heading(reply.Outcome);
        if (heading is not null)
        {
            var block = AnswerCard.Text(heading, weight: "Bolder", size: "Medium");
            block["color"] = reply.Outcome is ModerationOutcome.Done ? "Good" : "Attention";
            body.Add(block);
        }

        AnswerCard.AddText(body, CardMarkdown.Escape(reply.Text));
        foreach (var c in citations)
        {
            body.Add(AnswerCard.Quote(CardMarkdown.Escape(c.Quote), c.PassageId, CardMarkdown.Escape(c.Section)));
        }

        if (file is not null && reply.File is { } f)
        {
            AddFile(body, f, file, cutFrom);
        }

        // A conflict's way forward is a fresh form at the current revision, with the other person's change in it.
        var commands = reply.Outcome == ModerationOutcome.Conflict && reply.EntryId is { } conflicted && reply.Commands.Count == 0
            ? ["kb edit " + conflicted]
            : reply.Commands;
        AddCommands(body, commands);
        body.Add(AnswerCard.Text(footer, subtle: true, size: "Small", spacing: "Medium"));
        return AnswerCard.Card(body, reply.Text);
    }

    private static string? Heading(ModerationOutcome outcome) => outcome switch
    {
        ModerationOutcome.Done => "Done",
        ModerationOutcome.NotAllowed => "Moderators only",
        ModerationOutcome.Invalid => "Not done",
        ModerationOutcome.NotFound => "Not found",
        ModerationOutcome.Conflict => "Changed by someone else",
        ModerationOutcome.Duplicate => "Already answered",
        _ => null,
    };

    /// <summary>
    /// The export. A bot can attach a file in a personal chat only after the person accepts a
    /// file-consent card, and in channels and group chats only through OneDrive/SharePoint (Graph
    /// permissions this bot does not ask for); a card with the YAML as text works everywhere. It
    /// goes in a TextRun, which Teams never parses as Markdown, so the YAML copies exactly.
    /// </summary>
    private static void AddFile(JsonArray body, ModerationFile file, string content, int? cutFrom)
    {
        body.Add(AnswerCard.Text(cutFrom is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{CardMarkdown.Escape(file.Name)}: the first {content.Length:N0} of {total:N0} characters, cut at a line: a Teams message holds at most 100 KB.")
            : $"{CardMarkdown.Escape(file.Name)} (copy it from here):", weight: "Bolder", spacing: "Medium"));
        body.Add(new JsonObject
        {
            ["type"] = "RichTextBlock",
            ["inlines"] = new JsonArray(new JsonObject { ["type"] = "TextRun", ["text"] = content, ["fontType"] = "Monospace", ["size"] = "Small" }),
        });
    }

    private static void AddCommands(JsonArray body, IReadOnlyList<string> commands)
    {
        var first = true;
        foreach (var command in commands)
        {
            var action = Button(command);
            if (action is null)
            {
                body.Add(AnswerCard.Text(first ? "To copy:" : string.Empty, subtle: true, size: "Small", spacing: first ? "Medium" : "Small"));
                body.Add(new JsonObject
                {
                    ["type"] = "RichTextBlock",
                    ["inlines"] = new JsonArray(new JsonObject { ["type"] = "TextRun", ["text"] = command, ["fontType"] = "Monospace", ["size"] = "Small" }),
                });
            }
            else
            {
                body.Add(new JsonObject { ["type"] = "ActionSet", ["spacing"] = first ? "Medium" : "Small", ["actions"] = new JsonArray(action) });
            }

            first = false;
        }
    }

    /// <summary>
    /// A command as a button: <c>kb add …</c> opens the add form filled with its fields (a miss's
    /// command has placeholders the moderator must replace), <c>kb edit ID …</c> opens the edit
    /// form, anything else short is sent as typed. Null when it is too long for a button.
    /// </summary>
    internal static JsonObject? Button(string command)
    {
        if (!KbCommand.TryParse(command, out var kb))
        {
            return null;
        }

        switch (kb.Verb)
        {
            case KbVerb.Add when kb.Error is null:
                return AnswerCard.SubmitButton(ButtonTitle("Create an entry: " + (kb.Title ?? string.Empty)), new JsonObject
                {
                    ["cybercode"] = SubmitAction.Kb,
                    ["action"] = KbForms.Open,
                    ["command"] = command,
                });
            case KbVerb.Edit when kb.EntryId is { } id:
                return AnswerCard.SubmitButton(ButtonTitle("Edit " + id), Ask("kb edit " + id));
            case KbVerb.Phrase when kb.EntryId is { } id && command.Length <= MaxButtonCommand:
                return AnswerCard.SubmitButton(ButtonTitle($"Add as a phrasing of {id}"), Ask(command));
            case KbVerb.History when kb.EntryId is { } id:
                return AnswerCard.SubmitButton(ButtonTitle("History of " + id), Ask(command));
            case KbVerb.Revert when kb.EntryId is { } id:
                return AnswerCard.SubmitButton(ButtonTitle($"Revert {id} to revision {kb.Revision}"), Ask(command));
            default:
                return command.Length <= MaxButtonCommand ? AnswerCard.SubmitButton(ButtonTitle(command), Ask(command)) : null;
        }
    }

    private static JsonObject Ask(string command) => new() { ["cybercode"] = SubmitAction.Ask, ["question"] = command };

    private static string ButtonTitle(string title)
    {
        var line = title.ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxButtonTitle ? line : line[..MaxButtonTitle].TrimEnd() + "\u2026";
    }

    private static OutgoingActivity FitOrPlain(Activity to, OutgoingActivity message, ModerationReply reply)
    {
        if (AnswerMessage.Fits(message))
        {
            return message;
        }

        var text = new StringBuilder(reply.Text);
        foreach (var command in reply.Commands)
        {
            text.Append('\n').Append(command);
        }

        var all = text.ToString();
        var length = all.Length;
        var plain = OutgoingActivity.Message(to, all);
        while (!AnswerMessage.Fits(plain) && length > 100)
        {
            length = length * 3 / 4;
            plain = OutgoingActivity.Message(to, all[..length] + "\u2026");
        }

        return plain;
    }

    private static string Summary(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 120 ? line : line[..120].TrimEnd() + "\u2026";
    }
}
