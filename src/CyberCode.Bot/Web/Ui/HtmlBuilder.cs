using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CyberCode.Bot.Web.Ui;

/// <summary>
/// Builds an HTML document where text is encoded unless a call says otherwise: pages mix the
/// essay, curated entries and a query string a stranger wrote, and one forgotten encode is a hole.
/// </summary>
internal sealed class HtmlBuilder
{
    // Every script is allowed through unencoded, so the essay's curly quotes and dashes stay readable
    // in the source; the characters that matter to HTML (< > & " ') are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _sb = new(16 * 1024);

    /// <summary>Markup written by this program, never data.</summary>
    public HtmlBuilder Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    /// <summary>Text content or an attribute value: encoded.</summary>
    public HtmlBuilder Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _sb.Append(Encoder.Encode(text));
        }

        return this;
    }

    /// <summary><c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c> with the text encoded.</summary>
    public HtmlBuilder Element(string tag, string? cssClass, string? text)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null)
        {
            Raw(" class=\"").Raw(cssClass).Raw("\"");
        }

        return Raw(">").Text(text).Raw("</").Raw(tag).Raw(">");
    }

    /// <summary>A link whose href and text are both encoded.</summary>
    public HtmlBuilder Link(string href, string text, string? cssClass = null)
    {
        Raw("<a");
        if (cssClass is not null)
        {
            Raw(" class=\"").Raw(cssClass).Raw("\"");
        }

        return Raw(" href=\"").Text(href).Raw("\">").Text(text).Raw("</a>");
    }

    public override string ToString() => _sb.ToString();
}
