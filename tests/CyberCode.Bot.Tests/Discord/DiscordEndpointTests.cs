using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CyberCode.Bot.Tests.Cli;
using CyberCode.Bot.Tests.Web;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace CyberCode.Bot.Tests.Discord;

/// <summary><c>POST /api/discord/interactions</c> on the real service, signed with a key made for the test.</summary>
public sealed class DiscordEndpointTests
{
    [Fact]
    public async Task NoDiscordSettings_ServiceStarts_AndTheEndpointSaysHowToTurnItOn()
    {
        await using var host = await ServiceHost.StartAsync();

        using var response = await host.Client.PostAsync("api/discord/interactions", new StringContent("""{"type":1}""", Encoding.UTF8, "application/json"));

        var problem = await Http.ProblemAsync(response, 404);
        Assert.Contains("Discord:PublicKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedPing_Pong_BadSignature401_DefineAnswersWithThePassage()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApplicationId"] = "200",
        });

        using var pong = await host.Client.SendAsync(Signed(key, """{"id":"1","type":1,"token":"t"}"""));
        Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());

        using var forged = Signed(key, """{"id":"1","type":1,"token":"t"}""");
        forged.Content = new StringContent("""{"id":"2","type":1,"token":"t"}""", Encoding.UTF8, "application/json");
        using var refused = await host.Client.SendAsync(forged);
        await Http.ProblemAsync(refused, 401);

        const string define = """{"id":"10","application_id":"200","type":2,"token":"tok","guild_id":"3","member":{"user":{"id":"5"}},"data":{"id":"6","name":"define","type":1,"options":[{"name":"term","type":3,"value":"cyber sovereignty"}]}}""";
        using var answered = await host.Client.SendAsync(Signed(key, define));
        var json = await Http.JsonAsync(answered);
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Contains(json.GetProperty("data").GetProperty("embeds")[0].GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("II.5", StringComparison.Ordinal));
        Assert.Equal("""{"parse":[]}""", json.GetProperty("data").GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task TokenWithBadShard_IsAStartupErrorNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "token",
            ["Discord:Gateway:ShardId"] = "1",
            ["Discord:Gateway:ShardCount"] = "1",
        }));

        Assert.Contains("Discord:Gateway:ShardId", ex.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Signed(Key key, string body)
    {
        const string timestamp = "1767603600";
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, "api/discord/interactions") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}

/// <summary><c>cybercode discord register</c> as a person runs it, without the settings it needs.</summary>
[Collection(CliCollection.Name)]
public sealed class DiscordRegisterVerbTests
{
    [Fact]
    public async Task Register_WithoutToken_IsAFriendlyMessageAndExit2()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("discord", "register", "--guild", "123");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Discord:BotToken", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
