using System.Globalization;
using System.Text;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;

namespace CyberCode.Discord.Rendering;

/// <summary>
/// Renders a <see cref="ModerationReply"/> for the moderator alone (ephemeral): one embed with the
/// reply's text escaped (stored text is people's text), the entry's quotes with their passage ids,
/// and the follow-up commands as buttons when they fit a <c>custom_id</c>, else as text to copy.
/// </summary>
internal static class ModerationRenderer
{
    private const int MaxQuotes = 5;
    private const int MaxButtons = 5;
    private const int MaxCopyFields = 3;

    public static MessagePayload Render(ModerationReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var fields = reply.Citations.Take(MaxQuotes).Select(Quote).ToList();
        var buttons = new List<Button>();
        foreach (var command in reply.Commands.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (buttons.Count < MaxButtons && IsAddFromMiss(command, out var question))
            {
                // Too long for a command button: this one opens the add form filled from the miss.
                buttons.Add(new Button(Button.Primary, DiscordText.Cut("Create an entry: " + question, AnswerRenderer.LabelLimit), Interactions.ModerationForms.NewFromMissId(question)));
            }
            else if (buttons.Count < MaxButtons && (CustomIds.Ask + command).Length <= AnswerRenderer.CustomIdLimit)
            {
                buttons.Add(new Button(Button.Secondary, DiscordText.Cut(command, AnswerRenderer.LabelLimit), CustomIds.Ask + command));
            }
            else if (fields.Count(f => f.Name == CopyTitle) < MaxCopyFields)
            {
                // Too long for a button: shown to copy, in a code block so nothing in it is read as Markdown.
                fields.Add(new EmbedField(CopyTitle, CodeBlock(command, AnswerRenderer.FieldValueLimit)));
            }
        }

        var description = DiscordText.Escape(reply.Text);
        FileUpload[]? files = null;
        if (reply.File is { } file)
        {
            // The whole file, attached (a code block would be cut at Discord's 4096 characters).
            var bytes = Encoding.UTF8.GetBytes(file.Content);
            files = [new FileUpload(file.Name, file.ContentType, bytes, "The knowledge as YAML, in the knowledge/ format")];
            description += $"\n\nAttached: {DiscordText.Escape(file.Name)} ({Size(bytes.Length)}). Send it back with \"kb import\" to check it, then \"kb import apply\".";
        }

        var fixedLength = Title(reply.Outcome).Length + fields.Sum(f => f.Name.Length + f.Value.Length);
        var room = Math.Min(AnswerRenderer.DescriptionLimit, AnswerRenderer.EmbedTotalLimit - fixedLength);
        var embed = new Embed(Title(reply.Outcome), DiscordText.Cut(description, room), fields.Count == 0 ? null : fields, null, null, Colour(reply.Outcome));
        return new MessagePayload(
            Embeds: [embed],
            Components: buttons.Count == 0 ? null : [new ActionRow(buttons)],
            Flags: MessagePayload.Ephemeral)
        {
            Files = files,
        };
    }

    private static string Size(int bytes) =>
        bytes < 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes") : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private const string CopyTitle = "Command to copy";

    /// <summary>"kb add question Q | ANSWER IN YOUR WORDS | cite: …", as <c>kb misses</c> suggests for each miss.</summary>
    internal static bool IsAddFromMiss(string command, out string question)
    {
        question = string.Empty;
        if (!command.StartsWith("kb add question ", StringComparison.Ordinal) || !command.Contains(KbCommand.AnswerPlaceholder, StringComparison.Ordinal)
            || !KbCommand.TryParse(command, out var parsed) || parsed.Title is not { Length: > 0 } title)
        {
            return false;
        }

        question = title;
        return true;
    }

    /// <summary>A code block within <paramref name="max"/> characters; a cut one says so.</summary>
    internal static string CodeBlock(string text, int max)
    {
        var body = text.Replace("```", "'''", StringComparison.Ordinal);
        const string cutNote = "\n… (cut to fit Discord's limit)";
        if (body.Length + 8 > max)
        {
            body = body[..Math.Max(0, max - 8 - cutNote.Length)] + cutNote;
        }

        return "```\n" + body + "\n```";
    }

    private static EmbedField Quote(Citation citation) => new(
        DiscordText.Cut($"{citation.PassageId} · {citation.Section}", AnswerRenderer.FieldNameLimit),
        DiscordText.Cut("> " + DiscordText.Escape(string.Join(' ', citation.Quote.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))), AnswerRenderer.FieldValueLimit));

    private static string Title(ModerationOutcome outcome) => outcome switch
    {
        ModerationOutcome.Done => "Done",
        ModerationOutcome.Shown => "Knowledge base",
        ModerationOutcome.NotAllowed => "Moderators only",
        ModerationOutcome.Invalid => "Not done",
        ModerationOutcome.NotFound => "No such entry",
        ModerationOutcome.Conflict => "Changed meanwhile",
        ModerationOutcome.Duplicate => "Already answered",
        _ => "Knowledge base",
    };

    private static int Colour(ModerationOutcome outcome) => outcome switch
    {
        ModerationOutcome.Done => 0x2F855A,
        ModerationOutcome.Shown => 0x2B6CB0,
        ModerationOutcome.Conflict or ModerationOutcome.Duplicate => 0xB7791F,
        _ => 0xC53030,
    };
}
