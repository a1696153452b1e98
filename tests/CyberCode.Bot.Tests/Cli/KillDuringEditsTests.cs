using System.Diagnostics;
using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Tests.Cli;

/// <summary>
/// A real <c>cybercode chat</c> process takes a burst of <c>kb edit</c> commands and is killed
/// with SIGKILL part-way: every edit it acknowledged (printed its revision for) is in the
/// database when it is opened again, and what is there is whole.
/// </summary>
public sealed partial class KillDuringEditsTests : IDisposable
{
    private const string Id = "pact-of-2009";
    private const string Quote = "they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cybercode-kill-tests", Guid.NewGuid().ToString("N"));

    public KillDuringEditsTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Sigkill_InABurstOfEdits_KeepsEveryAcknowledgedEdit()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGKILL is a POSIX signal.
        }

        var database = Path.Combine(_folder, "cybercode.db");
        using var process = Start(database);
        var acknowledged = new List<int>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Acknowledged().Match(line) is { Success: true } m)
            {
                lock (acknowledged)
                {
                    acknowledged.Add(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                    if (acknowledged.Count >= 15)
                    {
                        enough.TrySetResult();
                    }
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The whole burst is written at once: the process is still working through it when killed.
        var input = new System.Text.StringBuilder();
        input.Append(System.Globalization.CultureInfo.InvariantCulture, $"kb add question Which pact came out of the Russian city meeting? | The first text of the answer. | cite: \"{Quote}\" | id: {Id}\n");
        for (var n = 1; n <= 400; n++)
        {
            input.Append(System.Globalization.CultureInfo.InvariantCulture, $"kb edit {Id} | answer: Edit number {n} of the answer.\n");
        }

        await process.StandardInput.WriteAsync(input.ToString());
        await process.StandardInput.FlushAsync();
        try
        {
            await enough.Task.WaitAsync(Patience);
            process.Kill(); // SIGKILL on Unix: no shutdown, no checkpoint.
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        int[] printed;
        lock (acknowledged)
        {
            printed = [.. acknowledged];
        }

        Assert.True(printed.Length < 401, "the process finished the burst before it was killed; the test proves nothing");
        await using var reopened = Web.StoredDatabase.Open(database);
        var store = reopened.GetRequiredService<IKnowledgeStore>();
        var history = await store.GetScopedHistoryAsync(Scopes.Local, Id, CancellationToken.None);
        var stored = history.Select(r => r.Revision).ToHashSet();
        Assert.All(printed, revision => Assert.Contains(revision, stored));
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(r => r.Revision));
        var state = (await store.GetScopedAsync(Scopes.Local, CancellationToken.None)).Single(s => s.EntryId == Id);
        Assert.Equal(history[^1].Revision, state.Revision);
        Assert.Equal(history[^1].Entry!.Text, state.Entry!.Text);
    }

    private static Process Start(string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cybercode.dll"));
        start.ArgumentList.Add("chat");
        start.Environment["Storage__DatabasePath"] = database;
        start.Environment["Knowledge__Path"] = Path.Combine(AppContext.BaseDirectory, "knowledge");
        start.Environment["Answering__Semantic__Enabled"] = "false";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>What the chat prints once a change is committed: "… (revision N). It applies …".</summary>
    [GeneratedRegex(@"\(revision (\d+)\)\. It applies")]
    private static partial Regex Acknowledged();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
