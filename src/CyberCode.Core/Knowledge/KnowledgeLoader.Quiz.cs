using CyberCode.Core.Quizzes;

namespace CyberCode.Core.Knowledge;

// The quiz part of the loader: curated items of quiz.yaml (`quiz:`) and the rules for generated
// ones (`generate:`). Items are checked as strictly as entries, and for what makes a fair
// multiple-choice question: 3–4 distinct choices, one right, short enough for a Discord button.
public static partial class KnowledgeLoader
{
    public const int MinChoices = 3;
    public const int MaxChoices = 4;

    /// <summary>A Discord button label holds 80 characters.</summary>
    public const int MaxChoiceLength = 80;
    public const int MaxQuestionLength = 300;
    public const int MaxExplanationLength = 300;
    public const int MaxTopicLength = 24;
    public const int MaxQuizQuotes = 2;

    /// <summary>Ids of generated items start with this, so curated ids may not.</summary>
    public const string GeneratedIdPrefix = "gen-";

    private static void AddQuizItem(Context ctx, List<QuizItem> items, QuizDto dto)
    {
        var id = dto.Id?.Trim();
        var ok = ctx.CheckId(id, "quiz item");
        if (ok && id!.StartsWith(GeneratedIdPrefix, StringComparison.Ordinal))
        {
            ctx.Report(id, $"ids starting with '{GeneratedIdPrefix}' are kept for generated items; start it with 'quiz-'");
            ok = false;
        }

        ok &= ctx.Require(id, dto.Topic, "topic");
        ok &= ctx.Require(id, dto.Question, "question");
        ok &= ctx.Require(id, dto.Explanation, "explanation");
        ok &= ctx.Require(id, dto.Answer, "answer");

        var topic = Clean(dto.Topic);
        if (topic.Length > MaxTopicLength || !string.Equals(topic, topic.ToLowerInvariant(), StringComparison.Ordinal))
        {
            ctx.Report(id, $"'topic' must be short and lower-case, at most {MaxTopicLength} characters (got '{topic}')");
            ok = false;
        }

        var question = Clean(dto.Question);
        ok &= WithinLength(ctx, id, "question", question, MaxQuestionLength);
        var explanation = Clean(dto.Explanation);
        ok &= WithinLength(ctx, id, "explanation", explanation, MaxExplanationLength);

        var choices = (dto.Choices ?? []).Select(c => Clean(c)).ToList();
        if (choices.Count is < MinChoices or > MaxChoices)
        {
            ctx.Report(id, $"a quiz item needs {MinChoices}–{MaxChoices} 'choices' (got {choices.Count})");
            ok = false;
        }

        foreach (var choice in choices)
        {
            if (choice.Length == 0)
            {
                ctx.Report(id, "a choice is empty");
                ok = false;
            }
            else if (choice.Length > MaxChoiceLength)
            {
                ctx.Report(id, $"the choice \"{choice}\" is {choice.Length} characters; keep it to {MaxChoiceLength} so it fits a button");
                ok = false;
            }
        }

        foreach (var twice in choices.Where(c => c.Length > 0).GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            ctx.Report(id, $"the choice \"{twice.Key}\" is given {twice.Count()} times; choices must differ");
            ok = false;
        }

        var answer = Clean(dto.Answer);
        var correct = choices.IndexOf(answer);
        if (answer.Length > 0 && correct < 0)
        {
            var near = choices.FirstOrDefault(c => string.Equals(c, answer, StringComparison.OrdinalIgnoreCase));
            ctx.Report(id, near is null
                ? $"'answer' must be the exact text of one of the choices (got \"{answer}\")"
                : $"'answer' must be the exact text of one of the choices; \"{answer}\" differs from \"{near}\" only in case");
            ok = false;
        }

        if (dto.Cite is { Count: > MaxQuizQuotes })
        {
            ctx.Report(id, $"a quiz item cites at most {MaxQuizQuotes} quotes (got {dto.Cite.Count}); keep the one or two that settle the answer");
            ok = false;
        }

        ok &= ctx.ResolveCitations(dto, id, out var citations);
        if (ok)
        {
            items.Add(new QuizItem(id!, topic, question, choices, correct, explanation, citations, QuizOrigin.Curated));
        }
    }

    private static bool WithinLength(Context ctx, string? id, string field, string value, int max)
    {
        if (value.Length <= max)
        {
            return true;
        }

        ctx.Report(id, $"'{field}' is {value.Length} characters; keep it to {max}");
        return false;
    }

    /// <summary>Merges every file's <c>generate:</c> and checks that it names real terms and events.</summary>
    private static QuizGenerationRules BuildGenerationRules(List<(string Name, QuizGenerationDto Rules)> files, List<Entry> entries, List<KnowledgeProblem> problems)
    {
        if (files.Count == 0)
        {
            return QuizGenerationRules.None;
        }

        var kindOf = entries.ToDictionary(e => e.Id, e => e.Kind, StringComparer.OrdinalIgnoreCase);
        var termKinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tooClose = new List<IReadOnlySet<string>>();
        var skipEvents = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (name, rules) in files)
        {
            bool Is(string id, EntryKind kind, string where)
            {
                if (kindOf.TryGetValue(id, out var k) && k == kind)
                {
                    return true;
                }

                var what = kind == EntryKind.Term ? "glossary term" : "timeline event";
                problems.Add(new KnowledgeProblem(name, id, null, $"generate/{where} names '{id}', which is not a {what}"));
                return false;
            }

            foreach (var (kind, ids) in rules.TermKinds ?? [])
            {
                var kindName = Clean(kind);
                foreach (var id in (ids ?? []).Select(i => i.Trim()))
                {
                    if (!Is(id, EntryKind.Term, $"termKinds/{kindName}"))
                    {
                        continue;
                    }

                    if (!termKinds.TryAdd(id, kindName))
                    {
                        problems.Add(new KnowledgeProblem(name, id, null, $"generate/termKinds puts the term in both '{termKinds[id]}' and '{kindName}'"));
                    }
                }
            }

            foreach (var kind in termKinds.Values.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() < MinChoices))
            {
                problems.Add(new KnowledgeProblem(name, null, null, $"generate/termKinds/{kind.Key} has {kind.Count()} term(s); a kind needs at least {MinChoices} to offer wrong choices of the same kind"));
            }

            foreach (var group in rules.TooClose ?? [])
            {
                var ids = group.Select(i => i.Trim()).Where(i => Is(i, EntryKind.Term, "tooClose")).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (ids.Count >= 2)
                {
                    tooClose.Add(ids);
                }
            }

            foreach (var id in (rules.SkipEvents ?? []).Select(i => i.Trim()))
            {
                if (Is(id, EntryKind.Event, "skipEvents"))
                {
                    skipEvents.Add(id);
                }
            }
        }

        return new QuizGenerationRules(termKinds, tooClose, skipEvents);
    }
}
