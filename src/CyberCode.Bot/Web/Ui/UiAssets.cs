using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace CyberCode.Bot.Web.Ui;

/// <summary>One file of the web UI: its bytes, content type and a strong ETag made from its content.</summary>
internal sealed record UiAsset(string Name, byte[] Content, string ContentType, EntityTagHeaderValue ETag, string Version);

/// <summary>
/// The web UI's CSS, scripts and icon. They are embedded in the executable (see the csproj), so
/// the pages look the same whatever the working directory, environment or test host; the files
/// are read once at start-up and kept in memory, being a few kilobytes.
/// </summary>
internal sealed class UiAssets
{
    /// <summary>The prefix the csproj gives every asset's manifest resource name.</summary>
    internal const string ResourcePrefix = "cybercode.ui/";

    private readonly FrozenDictionary<string, UiAsset> _byName;

    private UiAssets(FrozenDictionary<string, UiAsset> byName) => _byName = byName;

    public IEnumerable<string> Names => _byName.Keys;

    public static UiAssets Load()
    {
        var assembly = typeof(UiAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var content = Read(assembly, resource);
            if (!types.TryGetContentType(name, out var contentType))
            {
                contentType = "application/octet-stream";
            }

            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType == "image/svg+xml")
            {
                contentType += "; charset=utf-8";
            }

            var version = Convert.ToHexStringLower(SHA256.HashData(content), 0, 8);
            assets[name] = new UiAsset(name, content, contentType, new EntityTagHeaderValue($"\"{version}\""), version);
        }

        return new UiAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public UiAsset? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The URL a page uses for an asset, carrying the content's version so the browser may keep
    /// it for good and still sees a new file the moment it changes.
    /// </summary>
    public string Url(string name) =>
        _byName.TryGetValue(name, out var asset)
            ? $"{WebUi.AssetPath}/{name}?v={asset.Version}"
            : throw new InvalidOperationException($"The web UI has no asset '{name}'; is it under Web/Ui/Assets and embedded by the csproj?");

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource '{resource}' cannot be opened.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
