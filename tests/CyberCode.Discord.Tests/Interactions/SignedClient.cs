using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Core;
using CyberCode.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace CyberCode.Discord.Tests.Interactions;

/// <summary>Signs requests as Discord does: Ed25519 over timestamp + body, with a key made for the test.</summary>
internal sealed class TestSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public HttpRequestMessage Request(string path, string body, string? timestamp = null)
    {
        timestamp ??= "1767603600";
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>
/// The Discord channel's endpoint on Kestrel at a loopback port (the services of the real host
/// but none of its other endpoints), signed by <see cref="Signer"/>, pointing at a fake Discord.
/// </summary>
internal sealed class EndpointHost : IAsyncDisposable
{
    private static int _ids = 1000;

    private EndpointHost(WebApplication app, Fake.FakeDiscord fake, TestSigner signer, HttpClient client)
    {
        App = app;
        Fake = fake;
        Signer = signer;
        Client = client;
    }

    public WebApplication App { get; }

    public Fake.FakeDiscord Fake { get; }

    public TestSigner Signer { get; }

    public HttpClient Client { get; }

    /// <param name="time">The clock of the whole service (quiz timers too); the system's when null.</param>
    public static async Task<EndpointHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var fake = await CyberCode.Discord.Tests.Fake.FakeDiscord.StartAsync();
        var signer = new TestSigner();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var values = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepositoryRoot.KnowledgePath,
            ["Storage:DatabasePath"] = ":memory:",
            ["Answering:Semantic:Enabled"] = "false",
            ["Discord:PublicKey"] = signer.PublicKeyHex,
            ["Discord:ApplicationId"] = Harness.ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddCyberCodeCore(builder.Configuration);
        builder.Services.AddCyberCodeStorage(builder.Configuration);
        builder.Services.AddCyberCodeDiscord(builder.Configuration);
        builder.Services.AddSingleton(Harness.Engine.Knowledge);
        builder.Services.AddSingleton(Harness.Engine);
        var app = builder.Build();
        app.MapDiscord();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EndpointHost(app, fake, signer, new HttpClient { BaseAddress = new Uri(address) });
    }

    public Task<HttpResponseMessage> PostSignedAsync(string body) => Client.SendAsync(Signer.Request("/api/discord/interactions", body));

    public async Task<JsonElement> InteractAsync(object interaction)
    {
        using var response = await PostSignedAsync(JsonSerializer.Serialize(interaction));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// As <see cref="InteractAsync"/>, but what the person finally sees: when the bot deferred (type
    /// 5: a slow answer on a busy machine, or a reply with files), the edit of the original response
    /// it then sent, as a type 4 response with that message (its files in <c>files</c>).
    /// </summary>
    public async Task<JsonElement> AnswerAsync(object interaction)
    {
        var response = await InteractAsync(interaction);
        if (response.GetProperty("type").GetInt32() != 5)
        {
            return response;
        }

        while (true)
        {
            var request = await Fake.NextRequestAsync(TimeSpan.FromSeconds(30));
            if (request.Method == "PATCH" && request.Path.EndsWith("/messages/@original", StringComparison.Ordinal))
            {
                var files = request.IsMultipart ? request.Parts().Values.Where(p => p.FileName is not null).ToArray() : [];
                return JsonSerializer.SerializeToElement(new { type = 4, data = request.Json, files });
            }
        }
    }

    /// <summary>A slash command as Discord sends it from a server.</summary>
    public static object Command(string name, params (string Name, string Value)[] options) => new
    {
        id = NextId(),
        application_id = Harness.ApplicationId,
        type = 2,
        token = "token-" + NextId(),
        guild_id = "300",
        channel_id = "400",
        member = new { user = new { id = "500", username = "student" } },
        data = new { id = "600", name, type = 1, options = options.Select(o => new { name = o.Name, type = 3, value = o.Value }).ToArray() },
    };

    public static object Autocomplete(string name, string option, string typed) => new
    {
        id = NextId(),
        application_id = Harness.ApplicationId,
        type = 4,
        token = "token-" + NextId(),
        guild_id = "300",
        member = new { user = new { id = "500" } },
        data = new { id = "600", name, type = 1, options = new[] { new { name = option, type = 3, value = typed, focused = true } } },
    };

    public static object Button(string customId, object? message = null) => new
    {
        id = NextId(),
        application_id = Harness.ApplicationId,
        type = 3,
        token = "token-" + NextId(),
        guild_id = "300",
        member = new { user = new { id = "500" } },
        message = message ?? new { id = "700", embeds = Array.Empty<object>() },
        data = new { custom_id = customId, component_type = 2 },
    };

    public static string NextId() => Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        Signer.Dispose();
    }
}
