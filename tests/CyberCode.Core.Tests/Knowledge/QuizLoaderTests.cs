using CyberCode.Core.Knowledge;
using CyberCode.Core.Quizzes;

namespace CyberCode.Core.Tests.Knowledge;

public sealed class QuizLoaderTests
{
    private static Essay Essay => Repo.Knowledge.Essay;

    private static string Item(string id = "quiz-x", string choices = "[Four, Six, Ten]", string answer = "Four", string cite = "\"On 12 September 2011, the four members of the SCO submitted\"") => $"""
          - id: {id}
            topic: sco
            question: How many SCO members submitted the first draft?
            choices: {choices}
            answer: {answer}
            explanation: Four members submitted it.
            cite: [{cite}]
        """;

    private static (KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeProblem> Problems) Load(params (string Name, string Yaml)[] files) =>
        KnowledgeLoader.FromYaml(Essay, files);

    [Fact]
    public void FromYaml_ValidItem_BecomesACuratedQuizItemWithResolvedCitation()
    {
        var (kb, problems) = Load(("quiz.yaml", "quiz:\n" + Item(choices: "[Two, Four, Six]")));
        Assert.Empty(problems);
        var item = Assert.Single(kb!.QuizItems);
        Assert.Equal("quiz-x", item.Id);
        Assert.Equal("sco", item.Topic);
        Assert.Equal(["Two", "Four", "Six"], item.Choices);
        Assert.Equal(1, item.Correct);
        Assert.Equal(QuizOrigin.Curated, item.Origin);
        Assert.Equal("I.7", Assert.Single(item.Citations).PassageId);
        Assert.Empty(kb.Entries); // quiz items are not entries the answering engine retrieves
    }

    [Fact]
    public void FromYaml_QuoteNotInEssay_NamesFileEntryAndQuote()
    {
        var (kb, problems) = Load(("quiz.yaml", "quiz:\n" + Item(cite: "\"the five members of the SCO submitted a draft\"")));
        Assert.Null(kb);
        var problem = Assert.Single(problems);
        Assert.Equal("quiz.yaml", problem.File);
        Assert.Equal("quiz-x", problem.EntryId);
        Assert.Equal("the five members of the SCO submitted a draft", problem.Quote);
        Assert.Contains("not in the essay", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromYaml_AnswerNotAmongChoices_IsReported()
    {
        var (kb, problems) = Load(("quiz.yaml", "quiz:\n" + Item(answer: "Five")));
        Assert.Null(kb);
        var problem = Assert.Single(problems);
        Assert.Equal(("quiz.yaml", "quiz-x"), (problem.File, problem.EntryId));
        Assert.Contains("'answer' must be the exact text of one of the choices", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Four, Six]", 2)]
    [InlineData("[Four, Six, Ten, Two, One]", 5)]
    public void FromYaml_TooFewOrTooManyChoices_IsReported(string choices, int count)
    {
        var (kb, problems) = Load(("quiz.yaml", "quiz:\n" + Item(choices: choices)));
        Assert.Null(kb);
        var problem = Assert.Single(problems);
        Assert.Equal(("quiz.yaml", "quiz-x"), (problem.File, problem.EntryId));
        Assert.Contains($"3–4 'choices' (got {count})", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromYaml_RepeatedOrOverlongChoice_IsReported()
    {
        var longChoice = new string('x', KnowledgeLoader.MaxChoiceLength + 1);
        var (_, problems) = Load(("quiz.yaml", "quiz:\n" + Item(choices: $"[Four, four, {longChoice}]")));
        Assert.Contains(problems, p => p.EntryId == "quiz-x" && p.Message.Contains("choices must differ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EntryId == "quiz-x" && p.Message.Contains("fits a button", StringComparison.Ordinal));
    }

    [Fact]
    public void FromYaml_IdUsedByAnotherFile_IsReportedWithTheOtherFile()
    {
        const string glossary = """
            terms:
              - id: quiz-x
                term: t
                definition: d
                cite: ["respecting each country's right to choose"]
            """;
        var (kb, problems) = Load(("glossary.yaml", glossary), ("quiz.yaml", "quiz:\n" + Item()));
        Assert.Null(kb);
        var problem = Assert.Single(problems);
        Assert.Equal(("quiz.yaml", "quiz-x"), (problem.File, problem.EntryId));
        Assert.Contains("already used in glossary.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromYaml_MissingFieldsAndReservedPrefix_AreAllReported()
    {
        const string yaml = """
            quiz:
              - id: gen-term-x
                topic: Big Topic
                choices: [a b c, d e f, g h i]
                answer: a b c
                cite: ["respecting each country's right to choose"]
            """;
        var (_, problems) = Load(("quiz.yaml", yaml));
        Assert.All(problems, p => Assert.Equal(("quiz.yaml", "gen-term-x"), (p.File, p.EntryId)));
        Assert.Contains(problems, p => p.Message.Contains("kept for generated items", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'question' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("'explanation' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("lower-case", StringComparison.Ordinal));
    }

    [Fact]
    public void FromYaml_GenerateNamingUnknownOrWrongKindOfEntry_IsReported()
    {
        const string yaml = """
            generate:
              termKinds:
                ideas: [term-nope]
              skipEvents: [term-nope]
            """;
        var (_, problems) = Load(("quiz.yaml", yaml));
        Assert.Contains(problems, p => p.File == "quiz.yaml" && p.EntryId == "term-nope" && p.Message.Contains("not a glossary term", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EntryId == "term-nope" && p.Message.Contains("not a timeline event", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_RealQuiz_IsNotMixedIntoTheEntries()
    {
        var kb = Repo.Knowledge;
        Assert.NotEmpty(kb.QuizItems);
        Assert.DoesNotContain(kb.Entries, e => e.Source == "quiz.yaml");
        var ids = kb.Entries.Select(e => e.Id).Concat(kb.QuizItems.Select(q => q.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
