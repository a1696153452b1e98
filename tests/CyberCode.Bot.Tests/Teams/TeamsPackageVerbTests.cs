using System.IO.Compression;
using System.Text.Json.Nodes;
using CyberCode.Bot.Tests.Cli;

namespace CyberCode.Bot.Tests.Teams;

[Collection(CliCollection.Name)]
public sealed class TeamsPackageVerbTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Package_WritesAZipWithManifestForTheAppId()
    {
        var path = Path.Combine(_cli.Folder, "cybercode-teams.zip");
        var result = await _cli.RunAsync("teams", "package", "--app-id", "7b3c1f0e-2a4d-4c8e-9f1a-0b2c3d4e5f60", "--out", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var zip = ZipFile.OpenRead(path);
        using var manifest = zip.GetEntry("manifest.json")!.Open();
        var json = JsonNode.Parse(manifest)!;
        Assert.Equal("7b3c1f0e-2a4d-4c8e-9f1a-0b2c3d4e5f60", json["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.NotNull(zip.GetEntry("color.png"));
        Assert.NotNull(zip.GetEntry("outline.png"));
    }

    [Fact]
    public async Task Package_WithBadAppId_SaysSoAndFails()
    {
        var result = await _cli.RunAsync("teams", "package", "--app-id", "my-bot", "--out", Path.Combine(_cli.Folder, "x.zip"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--app-id", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cli.Folder, "x.zip")));
    }

    [Fact]
    public async Task Package_ToUnwritablePath_SaysSoAndFails()
    {
        var result = await _cli.RunAsync("teams", "package", "--app-id", Guid.NewGuid().ToString(), "--out", Path.Combine(_cli.Folder, "no-such-folder", "x.zip"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Cannot write", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
