using System.Text;
using CyberCode.Bot.Web.Api;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Web.Moderation;

/// <summary>
/// <c>/api/kb</c>: the web moderation form's API, for the holder of <c>Web:AdminToken</c> only.
/// Each request builds the <see cref="KbCommand"/> a typed <c>kb …</c> line would give (as the
/// Discord and Teams forms do) and runs it in the web chat's scope, <see cref="Scopes.Local"/>,
/// so the next question in the chat answers from the change. Replies are the
/// <see cref="ModerationReply"/> as JSON; a refusal is problem+json with the same fields, and its
/// status says which: 422 a rule (with the messages by form field), 404 no such entry, 409 a
/// stale revision or a duplicate question (with the current text).
/// </summary>
internal static class KbEndpoints
{
    private const string Channel = "web";
    private const string Who = "admin";
    private const int MaxIdLength = 200;

    // An export can outgrow the limit meant for questions; only a moderator gets this much room.
    private const long MaxImportBytes = 1024 * 1024;

    private const string AddExample = "{\"kind\": \"question\", \"title\": \"…\", \"text\": \"…\", \"cites\": [\"verbatim quote\"], \"phrasings\": []}";
    private const string EditExample = "{\"revision\": 2, \"text\": \"the new answer\"}";
    private const string PhraseExample = "{\"phrase\": \"the question as people ask it\"}";
    private const string RevertExample = "{\"revision\": 1}";
    private const string ImportExample = "{\"yaml\": \"- id: …\", \"apply\": false}";

    public static RouteGroupBuilder MapModeration(this RouteGroupBuilder api)
    {
        var kb = api.MapGroup("/kb").AddEndpointFilter(RequireAdmin);
        kb.MapGet(string.Empty, () => TypedResults.Json(new { scope = Scopes.Local, channel = Channel, moderator = true }, ApiJson.Options));
        kb.MapGet("/entries", ListAsync);
        kb.MapPost("/entries", AddAsync);
        kb.MapGet("/entries/{id}", ShowAsync);
        kb.MapPut("/entries/{id}", EditAsync);
        kb.MapDelete("/entries/{id}", (string id, [AsParameters] KbContext ctx, CancellationToken ct) => RunIdAsync(ctx, KbVerb.Remove, id, ct));
        kb.MapPost("/entries/{id}/restore", (string id, [AsParameters] KbContext ctx, CancellationToken ct) => RunIdAsync(ctx, KbVerb.Restore, id, ct));
        kb.MapPost("/entries/{id}/reset", (string id, [AsParameters] KbContext ctx, CancellationToken ct) => RunIdAsync(ctx, KbVerb.Reset, id, ct));
        kb.MapGet("/entries/{id}/history", HistoryAsync);
        kb.MapPost("/entries/{id}/revert", RevertAsync);
        kb.MapPost("/entries/{id}/phrasings", PhraseAsync);
        kb.MapGet("/misses", MissesAsync);
        kb.MapGet("/export", ExportAsync);
        kb.MapPost("/import", ImportAsync);
        return api;
    }

    private static async ValueTask<object?> RequireAdmin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Moderation replies hold unpublished text: no cache along the way keeps them.
        http.Response.Headers.CacheControl = "no-store";
        var options = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (options.IsAdmin(authorization))
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        var detail = string.IsNullOrEmpty(options.AdminToken)
            ? "Web moderation is switched off on this service. Whoever runs it can set Web:AdminToken (environment variable Web__AdminToken) to a long random secret and restart; then send it as \"Authorization: Bearer <token>\" or enter it on the /moderate page."
            : authorization.Length == 0
                ? "Moderating needs the admin token: send it as \"Authorization: Bearer <token>\", or enter it on the /moderate page."
                : "That is not this service's admin token. Check Web:AdminToken with whoever runs the service and try again (\"Authorization: Bearer <token>\").";
        return ApiProblem.Result(StatusCodes.Status401Unauthorized, "Moderators only", detail);
    }

    private static async Task<IResult> ListAsync([AsParameters] KbContext ctx, string? filter, CancellationToken cancellationToken)
    {
        var wanted = filter?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => string.Empty,
            "recent" or "mine" => filter.Trim().ToLowerInvariant(),
            _ => null,
        };
        if (wanted is null)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Unknown filter", "Use ?filter=recent, ?filter=mine, or no filter for every entry this chat changed.");
        }

        var reply = await RunAsync(ctx, new KbCommand(KbVerb.List) { Filter = wanted.Length == 0 ? null : wanted }, cancellationToken);
        IEnumerable<ScopedEntry> states = await ctx.Store.GetScopedAsync(Scopes.Local, cancellationToken);
        states = wanted switch
        {
            "mine" => states.Where(s => s.By == $"{Channel}:{Who}").OrderByDescending(s => s.At),
            "recent" => states.OrderByDescending(s => s.At).Take(10),
            _ => states.OrderBy(s => s.EntryId, StringComparer.Ordinal),
        };
        var entries = states.Select(s => new KbListItemJson(
            s.EntryId,
            (s.Shared, s.Removed, s.Entry is null) switch
            {
                (true, true, _) => "shared, hidden",
                (true, false, false) => "shared, overridden",
                (true, false, true) => "shared",
                (false, true, _) => "removed",
                _ => "own",
            },
            s.Revision,
            s.At,
            s.By,
            s.Entry?.Title ?? ctx.Answers.Shared.Find(s.EntryId)?.Title ?? string.Empty)).ToList();
        return KbResults.Reply(ctx, reply, json => json with { Entries = entries });
    }

    private static async Task<IResult> AddAsync([AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<KbAddRequest>(ctx.Request, AddExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        EntryKind? kind = body!.Kind?.Trim().ToLowerInvariant() switch
        {
            "term" => EntryKind.Term,
            "question" => EntryKind.Question,
            _ => null,
        };
        if (kind is null)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Term or question?", $"Say what to add with \"kind\": \"term\" or \"question\", e.g. {AddExample}.");
        }

        var command = new KbCommand(KbVerb.Add)
        {
            Kind = kind,
            Title = Clean(body.Title),
            Text = Clean(body.Text),
            Cites = List(body.Cites),
            Phrasings = List(body.Phrasings) is { Count: > 0 } phrasings ? phrasings : null,
            EntryId = Clean(body.Id)?.ToLowerInvariant(),
            Force = body.Force,
        };
        var reply = await RunAsync(ctx, command, cancellationToken);
        if (reply.Outcome == ModerationOutcome.Done && reply.EntryId is { } id)
        {
            var json = KbReplyJson.From(reply, ctx.Essay) with { Entry = ctx.Visible(id) is { } entry ? KbReplyJson.EntryOf(entry, reply.Revision ?? 1) : null };
            return TypedResults.Created($"/api/kb/entries/{Uri.EscapeDataString(id)}", json);
        }

        return KbResults.Reply(ctx, reply);
    }

    private static async Task<IResult> ShowAsync(string id, [AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        if (BadId(id) is { } bad)
        {
            return bad;
        }

        var reply = await RunAsync(ctx, new KbCommand(KbVerb.Show) { EntryId = Id(id) }, cancellationToken);
        return KbResults.Reply(ctx, reply);
    }

    private static async Task<IResult> EditAsync(string id, [AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        if (BadId(id) is { } bad)
        {
            return bad;
        }

        var (body, problem) = await JsonBody.ReadAsync<KbEditRequest>(ctx.Request, EditExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Revision is not ({ } revision and >= 0))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Which revision?", $"Send the revision the form was loaded at (GET /api/kb/entries/{Id(id)} gives it), so nobody's change is overwritten unseen, e.g. {EditExample}.");
        }

        var command = new KbCommand(KbVerb.Edit)
        {
            EntryId = Id(id),
            Revision = revision,
            Title = Clean(body.Title),
            Text = Clean(body.Text),
            Cites = body.Cites is null ? null : List(body.Cites),
            Phrasings = body.Phrasings is null ? null : List(body.Phrasings),
        };
        if (command.Title is null && command.Text is null && command.Cites is null && command.Phrasings is null)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Nothing to change", $"Send the fields to change (title, text, cites, phrasings), e.g. {EditExample}.");
        }

        return KbResults.Reply(ctx, await RunAsync(ctx, command, cancellationToken));
    }

    private static async Task<IResult> HistoryAsync(string id, [AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        if (BadId(id) is { } bad)
        {
            return bad;
        }

        var reply = await RunAsync(ctx, new KbCommand(KbVerb.History) { EntryId = Id(id) }, cancellationToken);
        var revisions = await ctx.Store.GetScopedHistoryAsync(Scopes.Local, Id(id), cancellationToken);
        var last = revisions.Count == 0 ? 0 : revisions[^1].Revision;
        var history = revisions
            .Select(r => new KbRevisionJson(r.Revision, r.At, r.By, r.Action, r.Removed, r.Entry?.Title, r.Entry?.Text, r.Revision == last))
            .Reverse()
            .ToList();
        return KbResults.Reply(ctx, reply, json => json with { History = history });
    }

    private static async Task<IResult> RevertAsync(string id, [AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        if (BadId(id) is { } bad)
        {
            return bad;
        }

        var (body, problem) = await JsonBody.ReadAsync<KbRevertRequest>(ctx.Request, RevertExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return body!.Revision is not ({ } revision and > 0)
            ? ApiProblem.Result(StatusCodes.Status400BadRequest, "Which revision?", $"Say which revision to make current again, e.g. {RevertExample} (GET /api/kb/entries/{Id(id)}/history lists them).")
            : KbResults.Reply(ctx, await RunAsync(ctx, new KbCommand(KbVerb.Revert) { EntryId = Id(id), Revision = revision }, cancellationToken));
    }

    private static async Task<IResult> PhraseAsync(string id, [AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        if (BadId(id) is { } bad)
        {
            return bad;
        }

        var (body, problem) = await JsonBody.ReadAsync<KbPhraseRequest>(ctx.Request, PhraseExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return Unquote(body!.Phrase) is not { Length: > 0 } phrase
            ? ApiProblem.Result(StatusCodes.Status400BadRequest, "No phrasing", $"Send the question as people ask it, e.g. {PhraseExample}.")
            : KbResults.Reply(ctx, await RunAsync(ctx, new KbCommand(KbVerb.Phrase) { EntryId = Id(id), Phrase = phrase }, cancellationToken));
    }

    private static async Task<IResult> MissesAsync([AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        var reply = await RunAsync(ctx, new KbCommand(KbVerb.Misses), cancellationToken);
        var misses = KbMisses.From(reply);
        return KbResults.Reply(ctx, reply, json => json with { Misses = misses });
    }

    private static async Task<IResult> ExportAsync([AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        var reply = await RunAsync(ctx, new KbCommand(KbVerb.Export), cancellationToken);
        return reply.File is { } file
            ? TypedResults.File(Encoding.UTF8.GetBytes(file.Content), file.ContentType + "; charset=utf-8", file.Name)
            : KbResults.Reply(ctx, reply);
    }

    private static async Task<IResult> ImportAsync([AsParameters] KbContext ctx, CancellationToken cancellationToken)
    {
        if (ctx.Request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxImportBytes;
        }

        var (body, problem) = await JsonBody.ReadAsync<KbImportRequest>(ctx.Request, ImportExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Yaml))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "No YAML", $"Send the entries as YAML in the knowledge/ format (as GET /api/kb/export writes it), e.g. {ImportExample}.");
        }

        var reply = await RunAsync(ctx, new KbCommand(KbVerb.Import) { Yaml = body.Yaml, Apply = body.Apply }, cancellationToken);
        // A dry run that found changes is the one the page offers to apply.
        var pending = !body.Apply && reply.Outcome == ModerationOutcome.Shown && reply.Text.StartsWith("Dry run", StringComparison.Ordinal);
        return KbResults.Reply(ctx, reply, json => json with { CanApply = pending });
    }

    private static async Task<IResult> RunIdAsync(KbContext ctx, KbVerb verb, string id, CancellationToken cancellationToken) =>
        BadId(id) ?? KbResults.Reply(ctx, await RunAsync(ctx, new KbCommand(verb) { EntryId = Id(id) }, cancellationToken));

    private static Task<ModerationReply> RunAsync(KbContext ctx, KbCommand command, CancellationToken cancellationToken) =>
        ctx.Bot.Moderation.HandleAsync(command, new Incoming("kb " + command.Verb.ToString().ToLowerInvariant(), Channel, Who) { IsModerator = true }, cancellationToken);

    private static IResult? BadId(string id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength
            ? ApiProblem.Result(StatusCodes.Status400BadRequest, "Which entry?", "Put the entry's id in the path, e.g. /api/kb/entries/term-cyber-sovereignty (GET /api/kb/entries lists this chat's entries).")
            : null;

    private static string Id(string id) => id.Trim().ToLowerInvariant();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The non-empty items of a list field, each without quotes people wrap a quote in.</summary>
    private static List<string> List(IReadOnlyList<string>? items) =>
        items is null ? [] : [.. items.Select(Unquote).OfType<string>().Where(i => i.Length > 0)];

    private static string? Unquote(string? text)
    {
        var t = text?.Trim();
        return t is { Length: >= 2 } && t[0] is '"' or '“' && t[^1] is '"' or '”' ? t[1..^1].Trim() : t;
    }
}
