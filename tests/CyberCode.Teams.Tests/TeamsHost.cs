using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Storage;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Auth;
using CyberCode.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Teams.Tests;

/// <summary>
/// A service with the real Core, Storage (in memory) and Teams channel on Kestrel at a loopback
/// port, its clock a <see cref="FakeTimeProvider"/> set to now, and the fakes it talks to: the
/// Bot Framework's keys, the Connector and the login endpoint.
/// </summary>
internal sealed class TeamsHost : IAsyncDisposable
{
    public const string AppId = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";
    public const string BotId = "28:" + AppId;

    private static readonly Lazy<AnswerEngine> SharedEngine = new(() => AnswerEngine.Create(KnowledgeLoader.Load(RepositoryRoot.KnowledgePath)));

    private TeamsHost(WebApplication app, Uri address, FakeTimeProvider time, CapturedLogs logs, FakeConnector connector, FakeBotFramework botFramework, FakeLogin login)
    {
        App = app;
        Client = new HttpClient { BaseAddress = address };
        Time = time;
        Logs = logs;
        Connector = connector;
        BotFramework = botFramework;
        Login = login;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public FakeConnector Connector { get; }

    public FakeBotFramework BotFramework { get; }

    public FakeLogin Login { get; }

    public ActivityQueue Queue => App.Services.GetRequiredService<ActivityQueue>();

    public BotEngine Bot => App.Services.GetRequiredService<BotEngine>();

    /// <summary>
    /// Starts the service: with an app id and the fakes' URLs when <paramref name="authenticated"/>,
    /// in local development mode otherwise; <paramref name="settings"/> override anything.
    /// </summary>
    public static async Task<TeamsHost> StartAsync(bool authenticated = true, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var connector = await FakeConnector.StartAsync(time);
        var botFramework = await FakeBotFramework.StartAsync();
        var login = await FakeLogin.StartAsync();
        var config = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Knowledge:Path"] = RepositoryRoot.KnowledgePath,
            ["Storage:DatabasePath"] = ":memory:",
            ["Answering:Semantic:Enabled"] = "false",
            ["Teams:OpenIdMetadataUrl"] = botFramework.MetadataUrl.AbsoluteUri,
            ["Teams:LoginBaseUrl"] = login.Address.AbsoluteUri,
        };
        if (authenticated)
        {
            config["Teams:MicrosoftAppId"] = AppId;
            config["Teams:MicrosoftAppPassword"] = "test-secret";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddCyberCodeCore(builder.Configuration);
        builder.Services.AddCyberCodeStorage(builder.Configuration);
        // Loaded and indexed once for every host of the run: the same files give the same engine.
        // Registered as instances, which the container does not dispose: a factory's result would
        // be disposed with the first host, and the next host would answer with a closed index.
        builder.Services.AddSingleton(SharedEngine.Value.Knowledge);
        builder.Services.AddSingleton(SharedEngine.Value);
        builder.Services.AddCyberCodeTeams(builder.Configuration);
        // The fake login endpoint's certificate is made by the test; only the login client trusts it.
        builder.Services.AddHttpClient(ConnectorTokens.LoginClient).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == Loopback.Certificate.Thumbprint,
        });

        var app = builder.Build();
        app.MapTeams();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await connector.DisposeAsync();
            await botFramework.DisposeAsync();
            await login.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TeamsHost(app, new Uri(address.EndsWith('/') ? address : address + "/"), time, logs, connector, botFramework, login);
    }

    /// <summary>A Teams-shaped message activity addressed to the bot, from the fake Connector's serviceUrl.</summary>
    public JsonObject Message(string text, string? id = null, string conversationType = "personal", JsonArray? entities = null, JsonNode? value = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = Time.GetUtcNow().ToString("O"),
        ["serviceUrl"] = Connector.ServiceUrl.AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Ana", ["aadObjectId"] = "aad-ana" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CyberCode" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationType == "personal" ? "a:personal-conversation" : "19:group-conversation@thread.v2",
            ["conversationType"] = conversationType,
            ["tenantId"] = "tenant-1",
            ["isGroup"] = conversationType != "personal",
        },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["entities"] = entities ?? [],
        ["value"] = value,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    /// <summary>Posts an activity to /api/messages with a valid token for it, or the given authorization.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = "valid")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token == "valid")
        {
            token = BotFramework.Token(AppId, activity["serviceUrl"]!.GetValue<string>(), Time.GetUtcNow());
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await BotFramework.DisposeAsync();
        await Login.DisposeAsync();
    }
}
