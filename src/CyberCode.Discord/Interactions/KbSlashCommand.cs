namespace CyberCode.Discord.Interactions;

/// <summary>
/// <c>/kb</c>: the moderation grammar as subcommands. Each stands for the <c>kb …</c> text Core
/// parses, except adding and editing, which open a modal form (see <see cref="ModerationForms"/>).
/// Hidden by default from members without Manage Server or Manage Messages.
/// </summary>
internal static class KbSlashCommand
{
    /// <summary>MANAGE_GUILD (0x20) | MANAGE_MESSAGES (0x2000), as the decimal string Discord wants.</summary>
    public const string ModeratorPermissions = "8224";

    private static readonly CommandOption Id = new("id", "The entry's id (kb list shows them).", Autocomplete: Suggest.Entries, MaxLength: 100);

    /// <summary>
    /// <c>/kb settings [moderator-role] [clear-moderator-role]</c>: shows the server's settings, or
    /// (Manage Server) makes a role's members moderators of the bot here.
    /// </summary>
    public static readonly SlashCommand Settings = new(
        "settings",
        "Who moderates the bot here: show, or (Manage Server) choose a moderator role.",
        [CommandOption.Role("moderator-role", "Members with this role may use /kb here."), CommandOption.Boolean("clear-moderator-role", "True: only Manage Server or Manage Messages moderate again.")],
        _ => "kb help")
    {
        Form = CommandForm.Settings,
        Private = true,
    };

    public static readonly SlashCommand Command = new("kb", "Moderators: add and correct the bot's knowledge on this server.", [], _ => "kb help")
    {
        DefaultMemberPermissions = ModeratorPermissions,
        Subcommands =
        [
            new("add-term", "Add a glossary term (opens a form).", [], _ => "kb add term") { Form = CommandForm.AddTerm, Private = true },
            new("add-question", "Add a question and its answer (opens a form).", [], _ => "kb add question") { Form = CommandForm.AddQuestion, Private = true },
            new("edit", "Edit an entry (opens a form with its current text).", [Id], o => "kb show " + o["id"]) { Form = CommandForm.Edit, Private = true },
            new("remove", "Remove an entry (hide it, for a shared one).", [Id], o => "kb remove " + o["id"]) { Private = true },
            new("restore", "Bring back a removed entry.", [Id], o => "kb restore " + o["id"]) { Private = true },
            new("show", "Show an entry as this server sees it.", [Id], o => "kb show " + o["id"]) { Private = true },
            new("history", "Every revision of an entry on this server.", [Id], o => "kb history " + o["id"]) { Private = true },
            new("revert", "Make an earlier revision current again.", [Id, CommandOption.Integer("revision", "The revision to go back to (kb history lists them).", 0, 1_000_000) with { Required = true }], o => $"kb revert {o["id"]} {o["revision"]}") { Private = true },
            new("list", "The entries of this server.", [new("filter", "recent or mine; leave empty for all.", Required: false, MaxLength: 10)], o => ("kb list " + o["filter"]).TrimEnd()) { Private = true },
            new("misses", "Questions the bot could not answer here, with fixes.", [], _ => "kb misses") { Private = true },
            new("export", "This server's entries as a YAML file.", [], _ => "kb export") { Private = true },
            new("import", "Check a YAML file (as /kb export gives), then apply it with a button.", [CommandOption.File("file", "The .yaml file.")], _ => "kb import") { Form = CommandForm.Import, Private = true },
            new("phrase", "Add another way of asking to an entry.", [Id, new("question", "The question as people ask it.", MaxLength: 300)], o => $"kb phrase {o["id"]} \"{o["question"]}\"") { Private = true },
            Settings,
        ],
    };
}
