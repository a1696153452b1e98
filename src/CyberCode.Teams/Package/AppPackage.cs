using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CyberCode.Teams.Package;

/// <summary>
/// The Teams app package (<c>cybercode teams package</c>): a zip with <c>manifest.json</c> at its
/// root and the colour and outline icons, ready to upload in Teams ("Upload a custom app") or the
/// Teams admin centre.
/// </summary>
internal static class AppPackage
{
    public const string ManifestVersion = "1.19";
    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json";
    public const string AppVersion = "1.0.0";
    public static readonly Uri DefaultWebsite = new("https://example.com/cybercode");

    private static readonly string[] Scopes = ["personal", "team", "groupChat"];

    /// <summary>What the bot understands, as Teams lists it when someone types "@CyberCode" or opens the chat.</summary>
    internal static readonly (string Title, string Description)[] Commands =
    [
        ("help", "What CyberCode can do, with questions to try"),
        ("define", "define TERM: what a term means in the essay, e.g. define cyber sovereignty"),
        ("changes", "What changed between the 2011 and 2015 drafts of the Code"),
        ("timeline", "The dated events the essay recounts, 2009-2017"),
        ("notes", "The essay's six references, and what it cites each for"),
        ("source", "source ID: one passage in full, e.g. source II.5"),
        ("search", "search WORDS: the passages that use these words"),
        ("about", "The essay itself: title, author, date and parts"),
        ("quiz", "quiz [N] [topic]: a multiple-choice quiz for everyone here; quiz stop, quiz score, quiz stats, quiz practice"),
        ("leaderboard", "Quiz points, quizzes played and accuracy of the people here"),
    ];

    public static JsonObject Manifest(Guid appId, Uri website)
    {
        ArgumentNullException.ThrowIfNull(website);
        var id = appId.ToString("D");
        var site = website.AbsoluteUri.TrimEnd('/');
        var commands = new JsonArray();
        foreach (var (title, description) in Commands)
        {
            commands.Add(new JsonObject { ["title"] = title, ["description"] = description });
        }

        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = AppVersion,
            ["id"] = id,
            ["developer"] = new JsonObject
            {
                ["name"] = "CyberCode",
                ["websiteUrl"] = site,
                ["privacyUrl"] = site + "/privacy",
                ["termsOfUseUrl"] = site + "/terms",
            },
            ["name"] = new JsonObject
            {
                ["short"] = "CyberCode",
                ["full"] = "CyberCode: The International Cyber Security Code",
            },
            ["description"] = new JsonObject
            {
                ["short"] = "Answers about the International Cyber Security Code, quoting the essay.",
                ["full"] = "CyberCode answers questions about \"The International Cyber Security Code\" (Xiaotong Liu, 2017), " +
                    "an essay on the Shanghai Cooperation Organisation's proposed code of conduct for information security. " +
                    "Every answer quotes the passage of the essay it rests on, with its id and section. Ask in your own words, " +
                    "or use a command: define a term, what changed between the 2011 and 2015 drafts, the timeline, the notes, " +
                    "or one passage in full. Study groups can run multiple-choice quizzes in their channel, with a leaderboard. " +
                    "In a team channel or group chat, @mention CyberCode with your question.",
            },
            ["icons"] = new JsonObject { ["color"] = "color.png", ["outline"] = "outline.png" },
            ["accentColor"] = Icons.Accent,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = id,
                ["scopes"] = new JsonArray([.. Scopes.Select(s => (JsonNode)s)]),
                ["supportsFiles"] = false,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(new JsonObject
                {
                    ["scopes"] = new JsonArray([.. Scopes.Select(s => (JsonNode)s)]),
                    ["commands"] = commands,
                }),
            }),
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(),
        };
    }

    /// <summary>Writes the zip to <paramref name="output"/>.</summary>
    public static void Write(Stream output, Guid appId, Uri? website = null)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(Manifest(appId, website ?? DefaultWebsite), new JsonSerializerOptions { WriteIndented = true }));
        Add(zip, "color.png", Icons.Color());
        Add(zip, "outline.png", Icons.Outline());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
