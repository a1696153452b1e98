using CyberCode.Core.Answering;
using CyberCode.Core.Learning;
using CyberCode.Core.Moderation;

namespace CyberCode.Core.Tests.Moderation;

public sealed class ModerationTests
{
    /// <summary>Declined or only "did you mean" with the shared knowledge (checked in each test that relies on it).</summary>
    private const string Missed = "which pact came out of the russian city meeting";

    private const string Quote = "they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009";

    private const string AddPact =
        "kb add question Which pact came out of the Russian city meeting? | The SCO states signed their information-security agreement at the 2009 summit in Yekaterinburg. | cite: \"" + Quote + "\"";

    [Fact]
    public async Task Add_ByMember_IsRefusedAndNothingIsStored()
    {
        var rig = new ModerationRig();

        var reply = await rig.MemberAsync(AddPact);

        Assert.Equal(ModerationOutcome.NotAllowed, reply.Moderation!.Outcome);
        Assert.Contains("Only moderators", reply.Answer.Text, StringComparison.Ordinal);
        Assert.False(reply.Answer.Answered);
        Assert.Empty(await rig.Store.GetScopedAsync(null, CancellationToken.None));
    }

    [Theory]
    [InlineData("kb edit term-sco | definition: A new definition of the SCO.")]
    [InlineData("kb remove term-sco")]
    [InlineData("kb history term-sco")]
    [InlineData("kb misses")]
    [InlineData("kb export")]
    [InlineData("kb list")]
    public async Task ModeratorCommands_ByMember_AreRefused(string command)
    {
        var rig = new ModerationRig();

        var reply = await rig.MemberAsync(command);

        Assert.Equal(ModerationOutcome.NotAllowed, reply.Moderation!.Outcome);
    }

    [Fact]
    public async Task Show_ByMember_IsOpenToAll()
    {
        var rig = new ModerationRig();

        var reply = await rig.MemberAsync("kb show term-sco");

        Assert.Equal(ModerationOutcome.Shown, reply.Moderation!.Outcome);
        Assert.Contains("Shanghai Cooperation Organization", reply.Answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Answer.Citations);
    }

    [Fact]
    public async Task Add_ThenAsk_AnswersWithTheNewQuoteInThatServerOnly()
    {
        var rig = new ModerationRig();
        Assert.False((await rig.MemberAsync(Missed)).Answer.Answered);

        var added = await rig.DoAsync(AddPact);

        var inA = (await rig.MemberAsync(Missed)).Answer;
        Assert.True(inA.Answered, inA.Text);
        Assert.Equal(added.EntryId, inA.EntryId);
        Assert.Equal("I.6", inA.Citations[0].PassageId);
        Assert.Contains("summit in Yekaterinburg in 2009", inA.Citations[0].Quote, StringComparison.Ordinal);

        var inB = (await rig.MemberAsync(Missed, ModerationRig.ServerB)).Answer;
        Assert.False(inB.Answered && inB.EntryId == added.EntryId, "server B must not see server A's entry");
        Assert.Equal(ModerationOutcome.NotFound, (await rig.ModeratorAsync($"kb show {added.EntryId}", ModerationRig.ServerB)).Moderation!.Outcome);
        Assert.Equal(ModerationOutcome.NotFound, (await rig.ModeratorAsync($"kb remove {added.EntryId}", ModerationRig.ServerB)).Moderation!.Outcome);
    }

    [Fact]
    public async Task Edit_History_Revert_RestoresTheEarlierText()
    {
        var rig = new ModerationRig();
        var id = (await rig.DoAsync(AddPact)).EntryId!;

        var edited = await rig.DoAsync($"kb edit {id} rev 1 | answer: Edited: the SCO agreement on information security, signed at Yekaterinburg.");
        Assert.Equal(2, edited.Revision);
        Assert.StartsWith("Edited:", (await rig.MemberAsync(Missed)).Answer.Text, StringComparison.Ordinal);

        var history = await rig.DoAsync($"kb history {id}");
        Assert.Contains("rev 1", history.Text, StringComparison.Ordinal);
        Assert.Contains("rev 2", history.Text, StringComparison.Ordinal);
        Assert.Contains("discord:mod-1", history.Text, StringComparison.Ordinal);
        Assert.Contains("edited", history.Text, StringComparison.Ordinal);

        var reverted = await rig.DoAsync($"kb revert {id} 1");
        Assert.Equal(3, reverted.Revision);
        Assert.StartsWith("The SCO states signed", (await rig.MemberAsync(Missed)).Answer.Text, StringComparison.Ordinal);
        Assert.Equal(3, (await rig.Store.GetScopedHistoryAsync(ModerationRig.ServerA, id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Edit_FromAStaleRevision_IsAConflictShowingTheCurrentText()
    {
        var rig = new ModerationRig();
        var id = (await rig.DoAsync(AddPact)).EntryId!;
        await rig.DoAsync($"kb edit {id} rev 1 | answer: The first moderator's wording of the answer.");

        var stale = (await rig.ModeratorAsync($"kb edit {id} rev 1 | answer: The second moderator's wording, made from revision 1.", user: "mod-2")).Moderation!;

        Assert.Equal(ModerationOutcome.Conflict, stale.Outcome);
        Assert.Contains("The first moderator's wording of the answer.", stale.Text, StringComparison.Ordinal);
        Assert.Contains("rev 2", stale.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await rig.Store.GetScopedHistoryAsync(ModerationRig.ServerA, id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Add_QuoteNotInTheEssay_IsRefusedShowingTheClosestPassage()
    {
        var rig = new ModerationRig();

        var reply = (await rig.ModeratorAsync("kb add question What did the SCO sign? | They signed a pact. | cite: \"they signed the Agreement on Cooperation in Ensuring Global Information Safety\"")).Moderation!;

        Assert.Equal(ModerationOutcome.Invalid, reply.Outcome);
        Assert.Contains("not in the essay", reply.Text, StringComparison.Ordinal);
        Assert.Contains("I.6", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Ensuring International Information Security", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await rig.Store.GetScopedAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Add_QuestionTheBotAlreadyAnswers_SuggestsEditingThatEntry()
    {
        var rig = new ModerationRig();

        var reply = (await rig.ModeratorAsync("kb add term cyber sovereignty | A second definition of it. | cite: \"" + Quote + "\"")).Moderation!;

        Assert.Equal(ModerationOutcome.Duplicate, reply.Outcome);
        Assert.Contains("kb edit", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Commands, c => c.StartsWith("kb phrase " + reply.EntryId, StringComparison.Ordinal));
        Assert.Empty(await rig.Store.GetScopedAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Misses_SuggestAPhrasing_WhichThenAnswers()
    {
        var rig = new ModerationRig();
        Assert.False((await rig.MemberAsync(Missed)).Answer.Answered);
        await rig.MemberAsync("which pact came out of the russian city meeting", ModerationRig.ServerB);

        var misses = await rig.DoAsync("kb misses");
        Assert.Contains(Missed, misses.Text, StringComparison.Ordinal);
        Assert.Contains(misses.Commands, c => c.StartsWith("kb add question " + Missed, StringComparison.Ordinal));
        var miss = Assert.Single(misses.Misses);
        Assert.Equal((Missed, QuestionSignal.Miss, 1), (miss.Question, miss.Signal, miss.Count));
        Assert.NotNull(miss.SuggestedQuote);
        Assert.Contains(Repo.Knowledge.Essay.Passages, p => p.Text.Contains(miss.SuggestedQuote, StringComparison.Ordinal));
        var phrase = $"kb phrase event-sco-yekaterinburg-agreement-2009 \"{Missed}\"";

        var done = await rig.DoAsync(phrase);

        Assert.Equal(1, done.Revision);
        var answer = (await rig.MemberAsync(Missed)).Answer;
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("event-sco-yekaterinburg-agreement-2009", answer.EntryId);
        Assert.False((await rig.MemberAsync(Missed, ModerationRig.ServerB)).Answer.Answered);
        Assert.DoesNotContain(Missed, (await rig.DoAsync("kb misses")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_SharedEntry_HidesItInThatServerOnly_AndRestoreBringsItBack()
    {
        var rig = new ModerationRig();
        const string Question = "define cyber sovereignty";
        var before = (await rig.MemberAsync(Question)).Answer;
        Assert.True(before.Answered);
        var id = before.EntryId!;

        await rig.DoAsync($"kb remove {id}");

        Assert.NotEqual(id, (await rig.MemberAsync(Question)).Answer.EntryId);
        Assert.Equal(id, (await rig.MemberAsync(Question, ModerationRig.ServerB)).Answer.EntryId);

        await rig.DoAsync($"kb restore {id}");
        Assert.Equal(id, (await rig.MemberAsync(Question)).Answer.EntryId);
    }

    [Fact]
    public async Task Edit_SharedEntry_OverridesItInThatServerOnly()
    {
        var rig = new ModerationRig();

        await rig.DoAsync("kb edit term-sco | definition: Our server's own definition of the SCO.");

        Assert.Equal("Our server's own definition of the SCO.", (await rig.MemberAsync("define SCO")).Answer.Text);
        Assert.NotEqual("Our server's own definition of the SCO.", (await rig.MemberAsync("define SCO", ModerationRig.ServerB)).Answer.Text);
        await rig.DoAsync("kb reset term-sco");
        Assert.Equal(Repo.Knowledge.Find("term-sco")!.Text, (await rig.MemberAsync("define SCO")).Answer.Text);
    }

    [Fact]
    public async Task Import_DryRun_ChangesNothing_ApplyThenAnswers()
    {
        var rig = new ModerationRig();
        var yaml = $"""
            questions:
              - id: pact-from-the-summit
                question: Which pact came out of the Russian city meeting?
                answer: The SCO information-security agreement, signed at Yekaterinburg in 2009.
                cite:
                  - "{Quote}"
            """;

        var dry = await rig.DoAsync("kb import\n" + yaml);

        Assert.Contains("Dry run", dry.Text, StringComparison.Ordinal);
        Assert.Contains("add pact-from-the-summit", dry.Text, StringComparison.Ordinal);
        Assert.Empty(await rig.Store.GetScopedAsync(null, CancellationToken.None));
        Assert.False((await rig.MemberAsync(Missed)).Answer.Answered);

        await rig.DoAsync("kb import apply\n" + yaml);
        Assert.Equal("pact-from-the-summit", (await rig.MemberAsync(Missed)).Answer.EntryId);
    }

    [Fact]
    public async Task Import_BadQuote_IsRefusedNamingIt()
    {
        var rig = new ModerationRig();

        var reply = (await rig.ModeratorAsync("kb import apply\nquestions:\n  - id: bad\n    question: Is this in the essay?\n    answer: No, it is not in it.\n    cite: [\"words the essay never uses anywhere at all\"]")).Moderation!;

        Assert.Equal(ModerationOutcome.Invalid, reply.Outcome);
        Assert.Contains("not in the essay", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await rig.Store.GetScopedAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Export_ThenImportElsewhere_RoundTrips()
    {
        var rig = new ModerationRig();
        var id = (await rig.DoAsync(AddPact + " | phrasings: the pact of 2009; what did they sign in yekaterinburg")).EntryId!;

        var export = await rig.DoAsync("kb export");

        Assert.NotNull(export.File);
        Assert.Contains("questions:", export.File.Content, StringComparison.Ordinal);
        var imported = await rig.DoAsync("kb import apply\n" + export.File.Content, ModerationRig.ServerB);
        Assert.Contains("add " + id, imported.Text, StringComparison.Ordinal);
        Assert.Equal(id, (await rig.MemberAsync(Missed, ModerationRig.ServerB)).Answer.EntryId);
        Assert.Contains("nothing to import", (await rig.DoAsync("kb import\n" + export.File.Content, ModerationRig.ServerB)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_OverTheSameStore_AnswersFromTheStoredEntries()
    {
        var first = new ModerationRig();
        var id = (await first.DoAsync(AddPact)).EntryId!;

        var second = new ModerationRig(first.Store);

        Assert.Equal(id, (await second.MemberAsync(Missed)).Answer.EntryId);
    }

    [Fact]
    public async Task Misses_AreCountedPerServer_SoABusierServerNeverHidesAnothersOwn()
    {
        var rig = new ModerationRig();
        for (var i = 0; i < 3; i++)
        {
            await rig.MemberAsync("what does the code say about blorptastic widgets", ModerationRig.ServerB);
        }

        await rig.MemberAsync("what does the code say about blorptastic widgets", ModerationRig.ServerA);

        var inA = await rig.DoAsync("kb misses");
        var inB = await rig.DoAsync("kb misses", ModerationRig.ServerB);

        Assert.Contains("(missed, 1×", inA.Text, StringComparison.Ordinal);
        Assert.Contains("(missed, 3×", inB.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Missed, inB.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phrase_OnASharedEntry_IsRecordedAsAPhrasing()
    {
        var rig = new ModerationRig();

        await rig.DoAsync($"kb phrase event-sco-yekaterinburg-agreement-2009 \"{Missed}\"");
        var history = await rig.DoAsync("kb history event-sco-yekaterinburg-agreement-2009");

        Assert.Contains("phrasing added", history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("overridden", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectMessage_SeesOnlyTheSharedEntries_AndCannotChangeThem()
    {
        var rig = new ModerationRig();
        var id = (await rig.DoAsync(AddPact)).EntryId!;
        var local = await rig.Bot.HandleAsync(new Incoming(AddPact.Replace("Which pact", "What pact", StringComparison.Ordinal), "cli", "operator") { IsModerator = true }, CancellationToken.None);
        Assert.Equal(ModerationOutcome.Done, local.Moderation!.Outcome);

        var dm = await rig.Bot.HandleAsync(new Incoming(Missed, "discord", "member-1") { IsDirect = true }, CancellationToken.None);
        var change = await rig.Bot.HandleAsync(new Incoming("kb remove " + id, "discord", "member-1") { IsModerator = true, IsDirect = true }, CancellationToken.None);
        var show = await rig.Bot.HandleAsync(new Incoming("kb show term-cyber-sovereignty", "discord", "member-1") { IsDirect = true }, CancellationToken.None);

        Assert.NotEqual(id, dm.Answer.EntryId);
        Assert.NotEqual(local.Moderation.EntryId, dm.Answer.EntryId);
        Assert.Equal(ModerationOutcome.NotAllowed, change.Moderation!.Outcome);
        Assert.Contains("direct message", change.Moderation.Text, StringComparison.Ordinal);
        Assert.Equal(ModerationOutcome.Shown, show.Moderation!.Outcome);
    }

    [Fact]
    public async Task Add_WithTheMissesPlaceholderAsAnswer_IsRefused()
    {
        var rig = new ModerationRig();
        await rig.MemberAsync(Missed);
        var suggested = (await rig.DoAsync("kb misses")).Commands.First(c => c.StartsWith("kb add question", StringComparison.Ordinal));

        var sent = (await rig.ModeratorAsync(suggested)).Moderation!;

        Assert.Equal(ModerationOutcome.Invalid, sent.Outcome);
        Assert.Contains("Replace ANSWER IN YOUR WORDS", sent.Text, StringComparison.Ordinal);
        Assert.Empty(await rig.Store.GetScopedAsync(null, CancellationToken.None));
    }
}
