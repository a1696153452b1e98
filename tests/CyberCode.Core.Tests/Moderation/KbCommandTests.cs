using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;

namespace CyberCode.Core.Tests.Moderation;

public sealed class KbCommandTests
{
    [Fact]
    public void Parse_AddTermWithFields_ReadsEveryPart()
    {
        Assert.True(KbCommand.TryParse("kb add term cyber sovereignty | A state's say over its networks. | cite: \"a quote\" | cite: “another quote” | aliases: internet sovereignty; sovereignty online", out var c));

        Assert.Null(c.Error);
        Assert.Equal(KbVerb.Add, c.Verb);
        Assert.Equal(EntryKind.Term, c.Kind);
        Assert.Equal("cyber sovereignty", c.Title);
        Assert.Equal("A state's say over its networks.", c.Text);
        Assert.Equal(["a quote", "another quote"], c.Cites);
        Assert.Equal(["internet sovereignty", "sovereignty online"], c.Phrasings);
    }

    [Fact]
    public void Parse_EditWithRevision_KeepsOnlyTheFieldsGiven()
    {
        Assert.True(KbCommand.TryParse("/kb edit my-entry rev 3 | answer: New text.", out var c));

        Assert.Equal(KbVerb.Edit, c.Verb);
        Assert.Equal("my-entry", c.EntryId);
        Assert.Equal(3, c.Revision);
        Assert.Equal("New text.", c.Text);
        Assert.Null(c.Cites);
        Assert.Null(c.Phrasings);
    }

    [Theory]
    [InlineData("kb add")]
    [InlineData("kb add recipe x | y")]
    [InlineData("kb edit my-entry")]
    [InlineData("kb edit my-entry | colour: red")]
    [InlineData("kb revert my-entry")]
    [InlineData("kb frobnicate")]
    [InlineData("kb import")]
    public void Parse_MalformedCommand_IsRecognisedWithAFriendlyError(string text)
    {
        Assert.True(KbCommand.TryParse(text, out var c));
        Assert.False(string.IsNullOrWhiteSpace(c.Error));
    }

    [Theory]
    [InlineData("what is kb")]
    [InlineData("kbd layout")]
    [InlineData("quiz start")]
    public void Parse_NotAKbCommand_IsLeftForAnswering(string text) =>
        Assert.False(KbCommand.TryParse(text, out _));

    [Fact]
    public void Parse_PhraseAndImport_ReadTheirArguments()
    {
        Assert.True(KbCommand.TryParse("kb phrase term-sco \"what's the sco\"", out var phrase));
        Assert.Equal(("term-sco", "what's the sco"), (phrase.EntryId, phrase.Phrase));

        Assert.True(KbCommand.TryParse("kb import apply\nquestions: []", out var import));
        Assert.True(import.Apply);
        Assert.Equal("questions: []", import.Yaml);
    }
}
