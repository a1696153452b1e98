using CyberCode.Teams.Cards;

namespace CyberCode.Teams.Tests.Moderation;

public sealed class CardMarkdownTests
{
    [Theory]
    [InlineData("plain words, stay as they are.", "plain words, stay as they are.")]
    [InlineData("*bold* and _italic_", "\\*bold\\* and \\_italic\\_")]
    [InlineData("[a link](https://example.com)", "\\[a link\\]\\(https://example.com\\)")]
    [InlineData("`code` # heading > quote", "\\`code\\` \\# heading \\> quote")]
    [InlineData("- a list item", "\\- a list item")]
    [InlineData("+ another", "\\+ another")]
    [InlineData("12. numbered", "12\\. numbered")]
    [InlineData("  - indented item", "  \\- indented item")]
    [InlineData("a - b and 2. c", "a - b and 2. c")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("<at>Ana</at>", "\\<at\\>Ana\\</at\\>")]
    [InlineData("line one\n- line two\r\n# three", "line one\n\\- line two\n\\# three")]
    [InlineData("", "")]
    public void Escape_BackslashesWhatMarkdownWouldActOn(string text, string expected) =>
        Assert.Equal(expected, CardMarkdown.Escape(text));

    [Fact]
    public void Escape_Null_IsEmpty() => Assert.Equal(string.Empty, CardMarkdown.Escape(null));
}
