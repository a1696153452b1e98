using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CyberCode.Core.Answering;

namespace CyberCode.Core.Evaluation;

/// <summary>One line of an evaluation file (the format of shared/eval/dev.jsonl).</summary>
public sealed record EvalItem(string Id, string Question, string Type, IReadOnlyList<string> Gold);

/// <summary>How one item went.</summary>
public sealed record EvalOutcome(EvalItem Item, Answer Answer, bool Top1, bool Top3, double Milliseconds)
{
    public bool IsAbstain => Item.Gold.Count == 0;
    public bool Declined => !Answer.Answered;
}

/// <summary>Scores per question type and overall.</summary>
public sealed record EvalRow(string Type, int Count, double Top1, double Top3, double Abstain);

public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes, IReadOnlyList<EvalRow> ByType, double Top1, double Top3, double Abstain)
{
    public int Count => Outcomes.Count;

    /// <summary>The closing line other tools read.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"top1={Top1:0.000} top3={Top3:0.000} abstain={Abstain:0.000} n={Count}");

    public double MedianMilliseconds => Percentile(0.5);

    /// <summary>
    /// How far each overall score could be from the bot's true rate on questions like these: the
    /// counts behind it and a 95% Wilson interval. A check set of about a hundred answerable
    /// questions pins top1 down only to about ±0.05, so a difference of two or three questions
    /// between two settings is within it.
    /// </summary>
    public string Intervals()
    {
        var answerable = Outcomes.Where(o => !o.IsAbstain).ToList();
        var abstain = Outcomes.Where(o => o.IsAbstain).ToList();
        return "95% intervals: " + string.Join(", ",
            Interval("top1", answerable.Count(o => o.Top1), answerable.Count),
            Interval("top3", answerable.Count(o => o.Top3), answerable.Count),
            Interval("abstain", abstain.Count(o => o.Declined), abstain.Count));

        static string Interval(string name, int right, int of)
        {
            if (of == 0)
            {
                return $"{name} -";
            }

            var (low, high) = Wilson(right, of);
            return string.Create(CultureInfo.InvariantCulture, $"{name} {low:0.000}–{high:0.000} ({right} of {of})");
        }
    }

    /// <summary>The 95% Wilson score interval of <paramref name="right"/> successes in <paramref name="of"/> trials.</summary>
    public static (double Low, double High) Wilson(int right, int of)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(of);
        ArgumentOutOfRangeException.ThrowIfNegative(right);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(right, of);
        const double z = 1.959964;
        var p = right / (double)of;
        var z2n = z * z / of;
        var centre = (p + (z2n / 2)) / (1 + z2n);
        var half = z * Math.Sqrt((p * (1 - p) / of) + (z2n / (4.0 * of))) / (1 + z2n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    public double Percentile(double p)
    {
        var sorted = Outcomes.Select(o => o.Milliseconds).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine("type         n   top1   top3  abstain");
        foreach (var row in ByType.Append(new EvalRow("all", Count, Top1, Top3, Abstain)))
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{row.Type,-10} {row.Count,3}  {Show(row.Top1)}  {Show(row.Top3)}  {Show(row.Abstain)}"));
        }

        return sb.ToString();

        static string Show(double value) => double.IsNaN(value) ? "    -" : value.ToString("0.000", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Scores the bot as shared/eval/README.md says: an answerable item is right at top 1 when the
/// bot answered and the full text of the first cited passage contains a gold phrase (both sides
/// normalised); at top 3 when one of the first three does; an abstain item is right when the
/// bot declined.
/// </summary>
public static partial class Evaluator
{
    public static IReadOnlyList<EvalItem> ReadItems(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<EvalItem>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var gold = root.TryGetProperty("gold", out var g) && g.ValueKind == JsonValueKind.Array
                    ? g.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray()
                    : [];
                items.Add(new EvalItem(
                    root.TryGetProperty("id", out var id) ? id.GetString() ?? $"line{lineNumber}" : $"line{lineNumber}",
                    root.GetProperty("q").GetString() ?? string.Empty,
                    root.TryGetProperty("type", out var type) ? type.GetString() ?? "?" : "?",
                    gold));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"line {lineNumber}: not an evaluation item ({ex.Message}); expected {{\"id\", \"q\", \"type\", \"gold\": [...]}}", ex);
            }
        }

        return items;
    }

    /// <summary>
    /// Scores every item. With <paramref name="warmUp"/> the questions are asked untimed first
    /// (three passes: enough calls for the JIT's optimising tier), so the latencies are those of
    /// a running service, not of code meeting the JIT.
    /// </summary>
    public static EvalReport Run(AnswerEngine engine, IReadOnlyList<EvalItem> items, bool warmUp = false)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(items);
        for (var pass = 0; warmUp && pass < 3; pass++)
        {
            foreach (var item in items)
            {
                engine.Ask(item.Question);
            }
        }

        // Warm code, but cold questions: the timed pass embeds each question again.
        engine.ForgetQuestions();

        var outcomes = new List<EvalOutcome>(items.Count);
        foreach (var item in items)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var answer = engine.Ask(item.Question);
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var gold = item.Gold.Select(Normalize).ToArray();
            bool Right(AnswerCitation c) => gold.Any(Normalize(c.PassageText).Contains);
            var top1 = answer.Answered && answer.Citations.Take(1).Any(Right);
            var top3 = answer.Answered && answer.Citations.Take(3).Any(Right);
            outcomes.Add(new EvalOutcome(item, answer, top1, top3, ms));
        }

        var byType = outcomes.GroupBy(o => o.Item.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Row).ToArray();
        var all = Row(outcomes);
        return new EvalReport(outcomes, byType, all.Top1, all.Top3, all.Abstain);

        static EvalRow Row(IEnumerable<EvalOutcome> group)
        {
            var list = group.ToList();
            var answerable = list.Where(o => !o.IsAbstain).ToList();
            var abstain = list.Where(o => o.IsAbstain).ToList();
            return new EvalRow(
                list.Count > 0 ? list[0].Item.Type : "?",
                list.Count,
                answerable.Count == 0 ? double.NaN : answerable.Count(o => o.Top1) / (double)answerable.Count,
                answerable.Count == 0 ? double.NaN : answerable.Count(o => o.Top3) / (double)answerable.Count,
                abstain.Count == 0 ? double.NaN : abstain.Count(o => o.Declined) / (double)abstain.Count);
        }
    }

    /// <summary>NFKC, straight quotes, reviewer markers removed, white space collapsed, lower case.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Normalize(NormalizationForm.FormKC);
        s = Marker().Replace(s, string.Empty);
        return Knowledge.TextNormalizer.Normalize(s).ToLowerInvariant();
    }

    [GeneratedRegex(@"\[[A-Z]{1,4}\d+\]")]
    private static partial Regex Marker();
}
