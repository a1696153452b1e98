using System.CommandLine;
using CyberCode.Core;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using Core = CyberCode.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Cli;

/// <summary>
/// <c>cybercode kb add|edit|phrase|remove|restore|reset|show|history|revert|list|export|import</c>:
/// the moderation commands for the local operator, who moderates the <see cref="Scopes.Local"/>
/// scope (what the CLI and the web chat answer from). Each fills a <see cref="KbCommand"/>, as a
/// chat form would, and runs it through the same <see cref="ModerationService"/> as chat commands.
/// </summary>
internal static partial class Verbs
{
    private static IEnumerable<Command> ModerationVerbs(Io io)
    {
        var kind = new Argument<string>("kind") { Description = "term or question." };
        var title = new Argument<string>("title") { Description = "The term, or the question as people ask it." };
        var text = new Option<string>("--text", "-t") { Description = "The definition or answer: one to three plain sentences.", Required = true };
        var cite = new Option<string[]>("--cite", "-c") { Description = "A quote found word for word in the essay (repeat for more).", Required = true };
        var phrasing = new Option<string[]>("--phrasing", "-p") { Description = "Another way people ask it, or an alias of the term (repeat for more)." };
        var id = new Option<string?>("--id") { Description = "The entry's id (kebab-case); made from the title when left out." };
        var force = new Option<bool>("--force") { Description = "Add even though the bot already answers the question." };
        var add = new Command("add", "Add a term or a question to the knowledge of this installation (CLI and web chat).") { kind, title, text, cite, phrasing, id, force };
        add.SetAction((r, ct) =>
        {
            var k = r.GetValue(kind)?.ToLowerInvariant() switch { "term" => EntryKind.Term, "question" => (EntryKind?)EntryKind.Question, _ => null };
            var command = k is null
                ? new KbCommand(Core.Moderation.KbVerb.Add, "The kind is \"term\" or \"question\", e.g. cybercode kb add question \"…\" --text \"…\" --cite \"…\".")
                : new KbCommand(Core.Moderation.KbVerb.Add)
                {
                    Kind = k, Title = r.GetValue(title), Text = r.GetValue(text), Cites = r.GetValue(cite), Phrasings = Empty(r.GetValue(phrasing)),
                    EntryId = r.GetValue(id), Force = r.GetValue(force),
                };
            return RunKb(io, command, ct);
        });

        var entryId = new Argument<string>("id") { Description = "The entry's id (answers and \"kb list\" show it)." };
        var rev = new Option<int?>("--rev") { Description = "The revision your edit starts from (\"kb show\" prints it); an edit of an older one is refused as a conflict." };
        var editTitle = new Option<string?>("--title") { Description = "The new term or question." };
        var editText = new Option<string?>("--text", "-t") { Description = "The new definition or answer." };
        var editCite = new Option<string[]>("--cite", "-c") { Description = "New quotes, replacing the old ones (repeat for more)." };
        var editPhrasing = new Option<string[]>("--phrasing", "-p") { Description = "New phrasings or aliases, replacing the old ones (repeat for more)." };
        var edit = new Command("edit", "Change an entry, or override a shared one here.") { entryId, rev, editTitle, editText, editCite, editPhrasing };
        edit.SetAction((r, ct) => RunKb(io, Edit(r.GetValue(entryId)!, r.GetValue(rev), r.GetValue(editTitle), r.GetValue(editText), Empty(r.GetValue(editCite)), Empty(r.GetValue(editPhrasing))), ct));

        var phraseText = new Argument<string>("question") { Description = "The question as people ask it (a miss from \"kb misses\")." };
        var phrase = new Command("phrase", "Add a way of asking to an entry, so that question is answered by it.") { entryId, phraseText };
        phrase.SetAction((r, ct) => RunKb(io, new KbCommand(Core.Moderation.KbVerb.Phrase) { EntryId = r.GetValue(entryId)!.ToLowerInvariant(), Phrase = r.GetValue(phraseText) }, ct));

        var revision = new Argument<int>("revision") { Description = "The revision to make current again (\"kb history ID\" lists them)." };
        var revert = new Command("revert", "Make an earlier revision of an entry current again, as a new revision.") { entryId, revision };
        revert.SetAction((r, ct) => RunKb(io, new KbCommand(Core.Moderation.KbVerb.Revert) { EntryId = r.GetValue(entryId)!.ToLowerInvariant(), Revision = r.GetValue(revision) }, ct));

        var filter = new Argument<string?>("filter") { Arity = ArgumentArity.ZeroOrOne, Description = "recent or mine; all when left out." };
        var list = new Command("list", "List this installation's own entries, overrides and hides.") { filter };
        list.SetAction((r, ct) => RunKb(io, KbText("kb list " + r.GetValue(filter)), ct));

        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the YAML to this file instead of standard output." };
        var export = new Command("export", "Print this installation's entries as YAML in the knowledge/ format.") { output };
        export.SetAction((r, ct) => RunKb(io, new KbCommand(Core.Moderation.KbVerb.Export), ct, r.GetValue(output)));

        var file = new Argument<FileInfo>("file") { Description = "A YAML file in the knowledge/ format (as \"kb export\" writes)." };
        var apply = new Option<bool>("--apply") { Description = "Store the changes; without it, only check the file and print the difference." };
        var import = new Command("import", "Check a YAML file and print what it would change; with --apply, store it all at once.") { file, apply };
        import.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            if (!path.Exists)
            {
                await io.Error.WriteLineAsync($"No such file: {path.FullName}. Give a YAML file in the knowledge/ format, e.g. one written by \"cybercode kb export -o FILE\".");
                return 2;
            }

            var yaml = await File.ReadAllTextAsync(path.FullName, ct);
            return await RunKb(io, new KbCommand(Core.Moderation.KbVerb.Import) { Yaml = yaml, Apply = r.GetValue(apply) }, ct);
        });

        yield return add;
        yield return edit;
        yield return phrase;
        foreach (var verb in new[] { "remove", "restore", "reset", "show", "history" })
        {
            var single = new Argument<string>("id") { Description = "The entry's id." };
            var command = new Command(verb, verb switch
            {
                "remove" => "Remove an entry of this installation, or hide a shared one here (undo with restore).",
                "restore" => "Bring back a removed entry or a hidden shared one.",
                "reset" => "Drop this installation's override of a shared entry.",
                "show" => "Print an entry as this installation sees it, with the command to edit it.",
                _ => "Print every revision of an entry: who, when, what.",
            }) { single };
            command.SetAction((r, ct) => RunKb(io, KbText($"kb {verb} {r.GetValue(single)}"), ct));
            yield return command;
        }

        yield return revert;
        yield return list;
        yield return export;
        yield return import;
    }

    private static KbCommand Edit(string id, int? rev, string? title, string? text, IReadOnlyList<string>? cites, IReadOnlyList<string>? phrasings) =>
        title is null && text is null && cites is null && phrasings is null
            ? new KbCommand(Core.Moderation.KbVerb.Edit, "Nothing to change: give --text, --title, --cite or --phrasing.")
            : new KbCommand(Core.Moderation.KbVerb.Edit) { EntryId = id.ToLowerInvariant(), Revision = rev, Title = title, Text = text, Cites = cites, Phrasings = phrasings };

    private static KbCommand KbText(string text) =>
        KbCommand.TryParse(text.Trim(), out var command) ? command : new KbCommand(Core.Moderation.KbVerb.Help);

    private static string[]? Empty(string[]? values) => values is { Length: > 0 } ? values : null;

    /// <summary>Runs one command as the local operator; exit code 0 when it was done or shown, 1 when refused.</summary>
    private static Task<int> RunKb(Io io, KbCommand command, CancellationToken ct, FileInfo? output = null) => WithEngine(io, ct, async (host, _) =>
    {
        await Seed(host, io, quiet: true, ct);
        var bot = host.Services.GetRequiredService<BotEngine>();
        var operatorMessage = new Incoming("kb", "cli", Environment.UserName) { IsModerator = true, UserName = Environment.UserName };
        var reply = await bot.Moderation.HandleAsync(command, operatorMessage, ct);
        var ok = reply.Outcome is ModerationOutcome.Done or ModerationOutcome.Shown;
        if (reply.File is { } exported)
        {
            if (output is not null)
            {
                await File.WriteAllTextAsync(output.FullName, exported.Content, ct);
                await io.Out.WriteLineAsync($"{reply.Text} Written to {output.FullName}.");
            }
            else
            {
                await io.Out.WriteAsync(exported.Content);
            }

            return 0;
        }

        await (ok ? io.Out : io.Error).WriteLineAsync(reply.Text);
        foreach (var c in reply.Citations)
        {
            await io.Out.WriteLineAsync($"  > {c.Quote} \u2014 {c.PassageId}");
        }

        return ok ? 0 : 1;
    });
}
