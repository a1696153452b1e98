using System.CommandLine;
using System.Globalization;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Evaluation;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Cli;

/// <summary>The command line of <c>cybercode</c>: one place that lists every verb.</summary>
internal static class Verbs
{
    public static RootCommand Build(TextReader? input = null, TextWriter? output = null, TextWriter? error = null)
    {
        var io = new Io(input ?? Console.In, output ?? Console.Out, error ?? Console.Error);
        var root = new RootCommand(
            "CyberCode answers questions about \"The International Cyber Security Code\" (Xiaotong Liu, 2017), quoting the passages it rests on.\n" +
            "With no verb it starts a chat in the terminal.");
        root.SetAction((_, ct) => Chat(io, ct));
        root.Subcommands.Add(AskVerb(io));
        root.Subcommands.Add(ChatVerb(io));
        root.Subcommands.Add(PassageVerb(io));
        root.Subcommands.Add(EvalVerb(io));
        root.Subcommands.Add(KbVerb(io));
        return root;
    }

    private static Command AskVerb(Io io)
    {
        var question = new Argument<string[]>("question") { Arity = ArgumentArity.ZeroOrMore, Description = "The question, e.g. \"define cyber sovereignty\"." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (question, answered, kind, text, confidence, citations, suggestions)." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read questions from standard input, one per line; print one JSON object per line." };
        var explain = new Option<bool>("--explain") { Description = "Also print how the question was understood and ranked." };
        var ask = new Command("ask", "Answer one question (or, with --jsonl, every line of standard input).") { question, json, jsonl, explain };
        ask.SetAction((result, ct) => WithEngine(io, async (host, engine) =>
        {
            if (result.GetValue(jsonl))
            {
                while (await io.In.ReadLineAsync(ct) is { } line)
                {
                    await io.Out.WriteLineAsync(AnswerJson.Serialize(engine.Ask(line)));
                }

                return 0;
            }

            var text = string.Join(' ', result.GetValue(question) ?? []);
            if (text.Length == 0 && Console.IsInputRedirected && ReferenceEquals(io.In, Console.In))
            {
                text = (await io.In.ReadToEndAsync(ct)).Trim();
            }

            var answer = engine.Ask(text);
            await io.Out.WriteAsync(result.GetValue(json) ? AnswerJson.Serialize(answer) + Environment.NewLine : ConsoleRenderer.Render(answer));
            if (result.GetValue(explain))
            {
                foreach (var line in engine.Explain(text))
                {
                    await io.Error.WriteLineAsync(line);
                }
            }

            return 0;
        }));
        return ask;
    }

    private static Command ChatVerb(Io io)
    {
        var chat = new Command("chat", "Talk to the bot in the terminal.");
        chat.SetAction((_, ct) => Chat(io, ct));
        return chat;
    }

    private static Task<int> Chat(Io io, CancellationToken ct) => WithEngine(io, async (host, _) =>
    {
        await Seed(host, io, quiet: true, ct);
        var interactive = !Console.IsInputRedirected && ReferenceEquals(io.In, Console.In);
        return await new ChatSession(host.Services.GetRequiredService<BotEngine>(), io.In, io.Out, interactive).RunAsync(ct);
    });

    private static Command PassageVerb(Io io)
    {
        var id = new Argument<string>("id") { Description = "A passage id: I.1-I.20, II.1-II.9, III.1-III.5, N.1-N.6." };
        var passage = new Command("passage", "Print one passage of the essay in full.") { id };
        passage.SetAction((result, ct) => WithEngine(io, async (_, engine) =>
        {
            var answer = engine.Passage(result.GetValue(id));
            await io.Out.WriteAsync(ConsoleRenderer.Render(answer));
            return answer.Answered ? 0 : 1;
        }));
        return passage;
    }

    private static Command EvalVerb(Io io)
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSONL file in the format of shared/eval/dev.jsonl." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every item, not only the misses." };
        var eval = new Command("eval", "Score the bot on an evaluation file; ends with top1=… top3=… abstain=… n=…") { file, verbose };
        eval.SetAction((result, ct) => WithEngine(io, async (_, engine) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await io.Error.WriteLineAsync($"No such file: {path.FullName}. Give the path of a JSONL evaluation file, e.g. ../shared/eval/dev.jsonl.");
                return 2;
            }

            IReadOnlyList<EvalItem> items;
            using (var reader = path.OpenText())
            {
                try
                {
                    items = Evaluator.ReadItems(reader);
                }
                catch (FormatException ex)
                {
                    await io.Error.WriteLineAsync($"{path.Name}: {ex.Message}");
                    return 2;
                }
            }

            var report = Evaluator.Run(engine, items, warmUp: true);
            foreach (var o in report.Outcomes.Where(o => result.GetValue(verbose) || !(o.IsAbstain ? o.Declined : o.Top1)))
            {
                var verdict = o.IsAbstain ? (o.Declined ? "ok  " : "MISS") : o.Top1 ? "ok  " : o.Top3 ? "top3" : "MISS";
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{verdict} {o.Item.Id} [{o.Item.Type}] {o.Item.Question} -> {o.Answer.Kind} {o.Answer.Confidence:0.00} [{string.Join(", ", o.Answer.Citations.Take(3).Select(c => c.PassageId))}]"));
            }

            await io.Out.WriteLineAsync();
            await io.Out.WriteAsync(report.Table());
            var outcomes = report.Outcomes;
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"latency: median {report.MedianMilliseconds:0.000} ms, p99 {report.Percentile(0.99):0.000} ms (in-process, after three warm-up passes)"));
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"outcomes: answered {Share(o => o.Answer.Answered)}, did-you-mean {Share(o => o.Answer.Kind == AnswerKinds.Suggestions)}, declined {Share(o => o.Answer.Kind == AnswerKinds.Decline)}"));
            await io.Out.WriteLineAsync(report.Summary);
            return 0;

            string Share(Func<EvalOutcome, bool> p) => outcomes.Count == 0 ? "0" : (outcomes.Count(p) / (double)outcomes.Count).ToString("0.000", CultureInfo.InvariantCulture);
        }));
        return eval;
    }

    private static Command KbVerb(Io io)
    {
        var validate = new Command("validate", "Check every entry and quote in the knowledge folder; exit non-zero on any problem.");
        validate.SetAction(async (_, ct) =>
        {
            using var host = CliHost.Build([]);
            string path;
            try
            {
                path = host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath();
            }
            catch (OptionsValidationException ex)
            {
                await io.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var (kb, problems) = KnowledgeLoader.TryLoad(path);
            if (kb is null)
            {
                await io.Error.WriteLineAsync($"{path}: {problems.Count} problem(s):");
                foreach (var problem in problems)
                {
                    await io.Error.WriteLineAsync("  - " + problem);
                }

                return 1;
            }

            var quotes = kb.Entries.Sum(e => e.Citations.Count);
            await io.Out.WriteLineAsync($"OK: {kb.Entries.Count} entries, {quotes} quotes, all resolved against {kb.Essay.Passages.Count} passages ({path}).");
            return 0;
        });

        var stats = new Command("stats", "Count passages, entries by kind, phrasings and quotes.");
        stats.SetAction((_, ct) => WithEngine(io, async (_, engine) =>
        {
            var kb = engine.Knowledge;
            await io.Out.WriteLineAsync($"Essay: \"{kb.Essay.Title}\" by {kb.Essay.Author}, {kb.Essay.Published:yyyy-MM-dd}");
            await io.Out.WriteLineAsync($"Passages: {kb.Essay.Passages.Count} ({string.Join(", ", kb.Essay.Sections.Select(s => $"{s.Title}: {s.Passages.Count}"))})");
            foreach (var group in kb.Entries.GroupBy(e => e.Kind).OrderBy(g => g.Key))
            {
                await io.Out.WriteLineAsync($"{group.Key,-9} {group.Count(),4} entries, {group.Sum(e => e.Phrasings.Count),4} aliases/phrasings, {group.Sum(e => e.Citations.Count),4} quotes");
            }

            var cited = kb.Entries.SelectMany(e => e.Citations).Select(c => c.PassageId).Distinct().Count();
            await io.Out.WriteLineAsync($"Total     {kb.Entries.Count,4} entries; {cited} of {kb.Essay.Passages.Count} passages are cited by at least one entry");
            return 0;
        }));

        var seed = new Command("seed", "Load knowledge/ into the database (Storage:DatabasePath) and report what changed.");
        seed.SetAction((_, ct) => WithEngine(io, async (host, _) =>
        {
            await Seed(host, io, quiet: false, ct);
            return 0;
        }));

        return new Command("kb", "Work with the knowledge base.") { validate, stats, seed };
    }

    private static async Task Seed(IHost host, Io io, bool quiet, CancellationToken ct)
    {
        var store = host.Services.GetRequiredService<IKnowledgeStore>();
        var report = await store.SeedCuratedAsync(host.Services.GetRequiredService<KnowledgeBase>().Entries, ct);
        if (!quiet)
        {
            await io.Out.WriteLineAsync($"Seeded: {report.Added.Count} added, {report.Updated.Count} updated, {report.Removed.Count} removed, {report.Unchanged} unchanged.");
        }
    }

    /// <summary>
    /// Runs a verb that needs the answering engine, turning configuration and knowledge errors
    /// into a clear message and exit code 2 instead of a stack trace.
    /// </summary>
    private static async Task<int> WithEngine(Io io, Func<IHost, AnswerEngine, Task<int>> action)
    {
        try
        {
            using var host = CliHost.Build([]);
            _ = host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var engine = host.Services.GetRequiredService<AnswerEngine>();
            return await action(host, engine);
        }
        catch (KnowledgeValidationException ex)
        {
            await io.Error.WriteLineAsync(ex.Message);
            await io.Error.WriteLineAsync("Fix what is named above (\"cybercode kb validate\" checks again), then start again.");
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await io.Error.WriteLineAsync("Configuration error: " + ex.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    private sealed record Io(TextReader In, TextWriter Out, TextWriter Error);
}
