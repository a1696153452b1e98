using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CyberCode.Core.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// The executable itself, as a user or a container runtime starts and stops it: <c>cybercode</c>
/// with no verb serves, and SIGTERM stops it with exit code 0 and the database closed.
/// </summary>
public sealed partial class ProcessTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cybercode-web-tests", Guid.NewGuid().ToString("N"));

    public ProcessTests() => Directory.CreateDirectory(_folder);

    private string DatabasePath => Path.Combine(_folder, "cybercode.db");

    [Fact]
    public async Task NoVerb_ServesUntilSigterm_ThenExitsZeroWithTheDatabaseClosed()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGTERM is a POSIX signal; Windows stops services another way.
        }

        using var process = Start();
        var output = new List<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(Patience);
            using (var client = new HttpClient { BaseAddress = address })
            using (var response = await client.AskAsync("how tall is mount kilimanjaro"))
            {
                Assert.Equal(200, (int)response.StatusCode);
            }

            // Sent with libc's kill(2): a slim machine or container may have no kill program.
            Assert.True(SendSignal(process.Id, SigTerm) == 0, "kill(2) failed: " + Marshal.GetLastPInvokeErrorMessage());

            await process.WaitForExitAsync().WaitAsync(Patience);
            Assert.True(process.ExitCode == 0, Transcript());
            Assert.Contains(output, l => l.Contains("Stopped", StringComparison.Ordinal));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await using var reopened = StoredDatabase.Open(DatabasePath);
        var misses = await reopened.GetRequiredService<IQuestionLog>().TopAsync(10, QuestionSignal.Miss, CancellationToken.None);
        Assert.Contains(misses, m => m.Key == "how tall is mount kilimanjaro");

        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        string Transcript()
        {
            lock (output)
            {
                return $"exit {process.ExitCode}:\n" + string.Join('\n', output);
            }
        }
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cybercode.dll"));
        // With no verb, options the CLI does not know go to the host, as they do for "serve".
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["Storage__DatabasePath"] = DatabasePath;
        start.Environment["Knowledge__Path"] = Path.Combine(AppContext.BaseDirectory, "knowledge");
        start.Environment["Answering__Semantic__Enabled"] = "false";
        start.Environment["Logging__LogLevel__CyberCode"] = "Information";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>SIGTERM is 15 on Linux and macOS alike.</summary>
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningLine();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a failed cleanup must not fail the test.
        }
    }
}
