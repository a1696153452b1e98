using System.CommandLine;
using System.Globalization;
using CyberCode.Bot.Contract;
using CyberCode.Bot.Web;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Evaluation;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Cli;

/// <summary>The command line of <c>cybercode</c>: one place that lists every verb.</summary>
internal static partial class Verbs
{
    public static RootCommand Build(TextReader? input = null, TextWriter? output = null, TextWriter? error = null)
    {
        var io = new Io(input ?? Console.In, output ?? Console.Out, error ?? Console.Error);
        var root = new RootCommand(
            "CyberCode answers questions about \"The International Cyber Security Code\" (Xiaotong Liu, 2017), quoting the passages it rests on.\n" +
            "With no verb it runs the service (as \"serve\"); \"chat\" talks in the terminal.");
        // As with "serve", options it does not know go to the host: cybercode --urls http://localhost:5081.
        // A word that is no verb (a typo such as "aks") is refused rather than taken for configuration.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (result, ct) =>
        {
            string[] hostArgs = [.. result.UnmatchedTokens];
            if (hostArgs.Length > 0 && !hostArgs[0].StartsWith('-'))
            {
                await io.Error.WriteLineAsync($"Unknown command '{hostArgs[0]}'. Run \"cybercode --help\" to see the verbs (ask, chat, serve, discord, teams, …).");
                return 1;
            }

            return await WebHost.RunAsync(hostArgs, io.Error, ct);
        });
        root.Subcommands.Add(ServeVerb(io));
        root.Subcommands.Add(AskVerb(io));
        root.Subcommands.Add(ChatVerb(io));
        root.Subcommands.Add(PassageVerb(io));
        root.Subcommands.Add(EvalVerb(io));
        root.Subcommands.Add(KbVerb(io));
        root.Subcommands.Add(DiscordVerb(io));
        root.Subcommands.Add(TeamsVerb(io));
        return root;
    }

    /// <summary>
    /// The hosted service handles SIGTERM and Ctrl+C itself, waiting for requests in flight up to
    /// Web:ShutdownTimeoutSeconds; System.CommandLine's own handling would end the process after
    /// two seconds, mid-request and with the database open.
    /// </summary>
    public static InvocationConfiguration InvocationFor(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var serves = command is RootCommand || command.Name == "serve";
        return serves ? new InvocationConfiguration { ProcessTerminationTimeout = null } : new InvocationConfiguration();
    }

    private static Command ServeVerb(Io io)
    {
        // Unknown options go to the host as configuration: serve --urls http://0.0.0.0:8080
        var serve = new Command("serve", "Run the bot as a service: web chat and API on http://localhost:5080 (Urls in appsettings.json).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((result, ct) => WebHost.RunAsync([.. result.UnmatchedTokens], io.Error, ct));
        return serve;
    }

    private static Command AskVerb(Io io)
    {
        var question = new Argument<string[]>("question") { Arity = ArgumentArity.ZeroOrMore, Description = "The question, e.g. \"define cyber sovereignty\"." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (question, answered, kind, text, confidence, citations, suggestions)." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Read questions from standard input, one per line; print one JSON object per line." };
        var explain = new Option<bool>("--explain") { Description = "Also print how the question was understood and ranked." };
        var ask = new Command("ask", "Answer one question (or, with --jsonl, every line of standard input).") { question, json, jsonl, explain };
        ask.SetAction((result, ct) => WithEngine(io, ct, async (host, engine) =>
        {
            var bot = host.Services.GetRequiredService<BotEngine>();
            if (result.GetValue(jsonl))
            {
                while (await io.In.ReadLineAsync(ct) is { } line)
                {
                    await io.Out.WriteLineAsync(AnswerJson.Serialize((await bot.HandleAsync(new Incoming(line, "cli"), ct)).Answer));
                }

                return 0;
            }

            var text = string.Join(' ', result.GetValue(question) ?? []);
            if (text.Length == 0 && Console.IsInputRedirected && ReferenceEquals(io.In, Console.In))
            {
                text = (await io.In.ReadToEndAsync(ct)).Trim();
            }

            var answer = (await bot.HandleAsync(new Incoming(text, "cli"), ct)).Answer;
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

    private static Task<int> Chat(Io io, CancellationToken ct) => WithEngine(io, ct, async (host, _) =>
    {
        await Seed(host, io, quiet: true, ct);
        var interactive = !Console.IsInputRedirected && ReferenceEquals(io.In, Console.In);
        return await new ChatSession(host.Services.GetRequiredService<BotEngine>(), io.In, io.Out, interactive).RunAsync(ct);
    });

    private static Command PassageVerb(Io io)
    {
        var id = new Argument<string>("id") { Description = "A passage id: I.1-I.20, II.1-II.9, III.1-III.5, N.1-N.6." };
        var passage = new Command("passage", "Print one passage of the essay in full.") { id };
        passage.SetAction((result, ct) => WithEngine(io, ct, async (_, engine) =>
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
        var summary = new Option<bool>("--summary", "-s") { Description = "Print only the scores, no item: for a check set whose questions should stay unseen." };
        var eval = new Command("eval", "Score the bot on an evaluation file; ends with top1=… top3=… abstain=… n=…") { file, verbose, summary };
        eval.SetAction((result, ct) => WithEngine(io, ct, async (_, engine) =>
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
            foreach (var o in report.Outcomes.Where(o => !result.GetValue(summary) && (result.GetValue(verbose) || !(o.IsAbstain ? o.Declined : o.Top1))))
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
            await io.Out.WriteLineAsync(report.Intervals());
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

            var quotes = kb.Entries.Sum(e => e.Citations.Count) + kb.QuizItems.Sum(q => q.Citations.Count);
            var quiz = CyberCode.Core.Quizzes.QuizBank.From(kb);
            await io.Out.WriteLineAsync($"OK: {kb.Entries.Count} entries, {kb.QuizItems.Count} curated quiz items (+{quiz.Items.Count - kb.QuizItems.Count} generated), {quotes} quotes, all resolved against {kb.Essay.Passages.Count} passages ({path}).");
            return 0;
        });

        var stats = new Command("stats", "Count passages, entries by kind, phrasings and quotes.");
        stats.SetAction((_, ct) => WithEngine(io, ct, async (_, engine) =>
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
            var quiz = CyberCode.Core.Quizzes.QuizBank.From(kb);
            foreach (var origin in quiz.Items.GroupBy(q => q.Origin).OrderBy(g => g.Key))
            {
                await io.Out.WriteLineAsync($"Quiz/{origin.Key,-9}{origin.Count(),4} items ({string.Join(", ", origin.GroupBy(q => q.Topic).Select(t => $"{t.Key}: {t.Count()}"))})");
            }
            return 0;
        }));

        var seed = new Command("seed", "Load knowledge/ into the database (Storage:DatabasePath) and report what changed.");
        seed.SetAction((_, ct) => WithEngine(io, ct, async (host, _) =>
        {
            await Seed(host, io, quiet: false, ct);
            return 0;
        }));

        var kb = new Command("kb", "Work with the knowledge base: check and seed knowledge/, and moderate this installation's entries.") { validate, stats, seed, MissesVerb(io) };
        foreach (var verb in ModerationVerbs(io))
        {
            kb.Subcommands.Add(verb);
        }

        return kb;
    }

    private static Command MissesVerb(Io io)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many to list (1-500).", DefaultValueFactory = _ => 20 };
        var signal = new Option<string>("--signal") { Description = "misses, not-helpful, helpful, or all (the default: misses and not-helpful).", DefaultValueFactory = _ => "problems" };
        var misses = new Command("misses", "List the questions the bot declined or only guessed at, and answers people marked not helpful, most frequent first.") { limit, signal };
        misses.SetAction(async (result, ct) =>
        {
            var n = result.GetValue(limit);
            if (n is < 1 or > 500)
            {
                await io.Error.WriteLineAsync($"--limit must be between 1 and 500 (got {n}).");
                return 2;
            }

            QuestionSignal?[] wanted = result.GetValue(signal)?.ToLowerInvariant() switch
            {
                "problems" => [QuestionSignal.Miss, QuestionSignal.NotHelpful],
                "misses" or "miss" => [QuestionSignal.Miss],
                "not-helpful" => [QuestionSignal.NotHelpful],
                "helpful" => [QuestionSignal.Helpful],
                "all" => [null],
                _ => [],
            };
            if (wanted.Length == 0)
            {
                await io.Error.WriteLineAsync($"Unknown --signal '{result.GetValue(signal)}'; use misses, not-helpful, helpful or all.");
                return 2;
            }

            using var host = CliHost.Build([]);
            var log = host.Services.GetRequiredService<IQuestionLog>();
            var tallies = new List<QuestionTally>();
            foreach (var s in wanted)
            {
                tallies.AddRange(await log.TopAsync(n, s, ct));
            }

            tallies = [.. tallies.OrderByDescending(t => t.Count).ThenByDescending(t => t.LastAsked).Take(n)];
            if (tallies.Count == 0)
            {
                await io.Out.WriteLineAsync("Nothing to review: no missed questions or not-helpful answers are recorded yet.");
                return 0;
            }

            await io.Out.WriteLineAsync("count  last asked        kind         question (where) [entry]");
            foreach (var t in tallies)
            {
                var kind = t.Signal switch { QuestionSignal.Miss => "missed", QuestionSignal.NotHelpful => "not helpful", _ => "helpful" };
                var entry = t.EntryId is { Length: > 0 } id ? $" [{id}]" : string.Empty;
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Count,5}  {t.LastAsked:yyyy-MM-dd HH:mm}  {kind,-11}  {t.Example} ({string.Join(", ", t.Channels)}){entry}"));
            }

            await io.Out.WriteLineAsync();
            await io.Out.WriteLineAsync("Turn a miss into an entry or an alternate phrasing in knowledge/*.yaml (see knowledge/SCHEMA.md), then run \"cybercode kb validate\".");
            return 0;
        });
        return misses;
    }

    private static async Task Seed(IHost host, Io io, bool quiet, CancellationToken ct)
    {
        var report = await host.Services.SeedCuratedAsync(ct);
        if (!quiet)
        {
            await io.Out.WriteLineAsync($"Seeded: {report.Added.Count} added, {report.Updated.Count} updated, {report.Removed.Count} removed, {report.Unchanged} unchanged.");
        }
    }

    /// <summary>
    /// Runs a verb that needs the answering engine, turning configuration and knowledge errors
    /// into a clear message and exit code 2 instead of a stack trace.
    /// </summary>
    /// <summary>How long the model may take before a verb says what it is waiting for.</summary>
    private static readonly TimeSpan ModelNotice = TimeSpan.FromSeconds(3);

    private static async Task<int> WithEngine(Io io, CancellationToken ct, Func<IHost, AnswerEngine, Task<int>> action)
    {
        try
        {
            using var host = CliHost.Build([]);
            _ = host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var engine = host.Services.GetRequiredService<AnswerEngine>();

            // A command-line run is short, so it waits for the model rather than answer by words
            // alone: about a second once the vectors are cached; the very first run computes them
            // (well under a minute) and says so. A model that fails to load is logged and skipped.
            var loading = host.Services.GetRequiredService<SemanticMatcher>().WaitAsync(ct);
            if (await Task.WhenAny(loading, Task.Delay(ModelNotice, ct)) != loading)
            {
                await io.Error.WriteLineAsync("Preparing the meaning model: the first run computes the vectors of every phrasing and passage, and trains a classifier on them, once (about 40 seconds) and keeps them in the database...");
            }

            await loading;
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
        catch (CyberCode.Storage.StorageUnavailableException ex)
        {
            await io.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    private sealed record Io(TextReader In, TextWriter Out, TextWriter Error);
}
