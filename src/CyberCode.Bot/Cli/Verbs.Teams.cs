using System.CommandLine;
using CyberCode.Teams.Package;

namespace CyberCode.Bot.Cli;

internal static partial class Verbs
{
    private static Command TeamsVerb(Io io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var appId = new Option<string>("--app-id") { Description = "The Azure Bot's Microsoft App ID (a GUID), the same as Teams__MicrosoftAppId.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the zip.", DefaultValueFactory = _ => "cybercode-teams.zip" };
        var website = new Option<string?>("--website") { Description = "The https page the app's developer, privacy and terms links point to (default https://example.com/cybercode)." };
        var package = new Command("package", "Write the Teams app package (manifest.json and the two icons) to upload in Teams.") { appId, output, website };
        package.SetAction(async (result, ct) =>
        {
            var id = result.GetValue(appId)?.Trim();
            if (!Guid.TryParse(id, out var guid))
            {
                await io.Error.WriteLineAsync($"--app-id must be the Azure Bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000 (got '{id}').");
                return 2;
            }

            var site = AppPackage.DefaultWebsite;
            if (result.GetValue(website) is { Length: > 0 } given
                && (!Uri.TryCreate(given, UriKind.Absolute, out site) || site.Scheme != Uri.UriSchemeHttps))
            {
                await io.Error.WriteLineAsync($"--website must be an absolute https URL (got '{given}').");
                return 2;
            }

            var path = Path.GetFullPath(result.GetValue(output) is { Length: > 0 } o ? o : "cybercode-teams.zip");
            try
            {
                using var buffer = new MemoryStream();
                AppPackage.Write(buffer, guid, site);
                await File.WriteAllBytesAsync(path, buffer.ToArray(), ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                await io.Error.WriteLineAsync($"Cannot write {path}: {ex.Message} Choose another file with --out.");
                return 1;
            }

            await io.Out.WriteLineAsync($"Wrote {path} (manifest.json, color.png, outline.png) for app {guid:D}.");
            await io.Out.WriteLineAsync("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
            return 0;
        });

        return new Command("teams", "Work with the Teams channel.") { package };
    }
}
