using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CyberCode.Core.Moderation;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CyberCode.Discord.Interactions;

internal sealed partial class InteractionHandler
{
    /// <summary>The largest file <c>/kb import</c> reads: the whole curated knowledge is about 400 KB of YAML.</summary>
    internal const int MaxImportBytes = 1024 * 1024;

    /// <summary>
    /// <c>/kb import file:…</c>: reads the attached YAML, runs the dry run, and shows the
    /// difference with an "Apply" button. The file stays in memory (15 minutes, this moderator in
    /// this server) so the button applies exactly what was checked.
    /// </summary>
    private async Task<MessagePayload> ImportCheckAsync(JsonElement data, IReadOnlyDictionary<string, string> values, Who who, CancellationToken cancellationToken)
    {
        if (!who.IsModerator)
        {
            return ModerationRenderer.Render(new ModerationReply(ModerationOutcome.NotAllowed, NotModerator));
        }

        var attachment = data.Object("resolved")?.Object("attachments")?.Object(values.GetValueOrDefault("file", string.Empty));
        if (attachment is not { } file || file.String("url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Invalid("Attach the YAML file to /kb import (the file option).");
        }

        var name = file.String("filename") ?? "file";
        if (file.Int("size") is > MaxImportBytes)
        {
            return Invalid($"{name} is larger than {MaxImportBytes / 1024} KB; split it, or import it with \"cybercode kb import\" on the server.");
        }

        if (!name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"{name} is not a .yaml file: send the YAML that \"/kb export\" gives, edited.");
        }

        if (!IsDiscordFileHost(uri))
        {
            return Invalid("That attachment is not stored on Discord's servers, so it was not read.");
        }

        string yaml;
        try
        {
            yaml = await DownloadAsync(uri, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogImportDownloadFailed(logger, ex);
            return Invalid($"Could not read {name} from Discord ({ex.Message}). Try /kb import again.");
        }

        var incoming = who.ToIncoming("kb import");
        var dryRun = await bot.Moderation.HandleAsync(new KbCommand(KbVerb.Import) { Yaml = yaml, Apply = false }, incoming, cancellationToken);
        const string TypedApply = "To apply, send the same YAML with \"kb import apply\".";
        if (dryRun.Outcome != ModerationOutcome.Shown || !dryRun.Text.Contains(TypedApply, StringComparison.Ordinal))
        {
            return ModerationRenderer.Render(dryRun);
        }

        var shown = ModerationRenderer.Render(dryRun with { Text = dryRun.Text.Replace(TypedApply, "Press \"Apply this import\" to apply it (within 15 minutes).", StringComparison.Ordinal) });

        var token = _imports.Add(new PendingImport(who.Scope, who.UserId ?? string.Empty, yaml, time.GetUtcNow() + PendingImport.Lifetime));
        var apply = new Button(Button.Success, "Apply this import", PendingImport.Prefix + token);
        return shown with { Components = [new ActionRow([apply])] };
    }

    /// <summary>The "Apply" button of a checked import: the same moderator, in the same server, within 15 minutes.</summary>
    private async Task<MessagePayload> ImportApplyAsync(string customId, Who who, CancellationToken cancellationToken)
    {
        var token = customId[PendingImport.Prefix.Length..];
        var pending = _imports.Find(token, time.GetUtcNow());
        if (pending is null)
        {
            return Invalid("This import was applied already or has expired (15 minutes). Run /kb import again.");
        }

        if (pending.Scope != who.Scope || pending.UserId != (who.UserId ?? string.Empty) || !who.IsModerator)
        {
            return ModerationRenderer.Render(new ModerationReply(ModerationOutcome.NotAllowed, "Only the moderator who checked this import can apply it."));
        }

        if (!_imports.Remove(token))
        {
            return Invalid("This import was applied already.");
        }

        var reply = await bot.Moderation.HandleAsync(new KbCommand(KbVerb.Import) { Yaml = pending.Yaml, Apply = true }, who.ToIncoming("kb import apply"), cancellationToken);
        return ModerationRenderer.Render(reply);
    }

    private bool IsDiscordFileHost(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps && (uri.Host.Equals("cdn.discordapp.com", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("media.discordapp.net", StringComparison.OrdinalIgnoreCase))
        || (uri.Scheme == options.Value.ApiBase().Scheme && uri.Authority.Equals(options.Value.ApiBase().Authority, StringComparison.OrdinalIgnoreCase));

    private async Task<string> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var client = files.CreateClient(FilesClient);
        client.Timeout = TimeSpan.FromSeconds(20);
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes)
            {
                throw new InvalidDataException($"larger than {MaxImportBytes / 1024} KB");
            }

            buffer.Write(chunk, 0, read);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Could not download a /kb import attachment from Discord")]
    private static partial void LogImportDownloadFailed(ILogger logger, Exception exception);

    private static MessagePayload Invalid(string text) => ModerationRenderer.Render(new ModerationReply(ModerationOutcome.Invalid, text));

    /// <summary>The named <see cref="HttpClient"/> that reads attachments (no bot token on it: the CDN needs none).</summary>
    internal const string FilesClient = "discord-files";
}

/// <summary>A checked import waiting for its "Apply" button.</summary>
internal sealed record PendingImport(string Scope, string UserId, string Yaml, DateTimeOffset Expires)
{
    public const string Prefix = "cc:kbimport:";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
}

/// <summary>Checked imports by a random token (what fits a button's <c>custom_id</c>); each is taken once.</summary>
internal sealed class PendingImports
{
    private const int MaxPending = 100;
    private readonly ConcurrentDictionary<string, PendingImport> _pending = new(StringComparer.Ordinal);

    public string Add(PendingImport import)
    {
        foreach (var (key, old) in _pending)
        {
            if (old.Expires <= import.Expires - PendingImport.Lifetime || _pending.Count >= MaxPending)
            {
                _pending.TryRemove(key, out _);
            }
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _pending[token] = import;
        return token;
    }

    public PendingImport? Find(string token, DateTimeOffset now) =>
        _pending.TryGetValue(token, out var import) && import.Expires > now ? import : null;

    /// <summary>Takes the import for applying; false when another press took it first.</summary>
    public bool Remove(string token) => _pending.TryRemove(token, out _);
}
