using System.Text.Json;
using System.Text.Json.Serialization;

namespace CyberCode.Bot.Web.Api;

/// <summary>How the API writes JSON: the contract's camelCase names, nothing left out.</summary>
internal static class ApiJson
{
    /// <summary>
    /// The default encoder (unlike the CLI's relaxed one) escapes &lt;, &gt; and &amp; as \u003C…,
    /// so a question full of markup stays inert even in a client that mishandles the content type.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
