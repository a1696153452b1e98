using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CyberCode.Load;

/// <summary>
/// The service as a separate process (<c>dotnet cybercode.dll serve</c>, built beside this tool in
/// the same configuration) on a free loopback port, with a temporary database and the rate limit
/// off: one client sending thousands of requests a second is exactly what the limit refuses.
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ServiceProcess(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The build beside this tool: <c>cybercode.dll</c>, run by <c>dotnet</c>.</summary>
    public static string DefaultService => Path.Combine(AppContext.BaseDirectory, "cybercode.dll");

    /// <summary>
    /// CPU time (user + system) the service has used so far, all its threads; on a machine shared
    /// with other work this varies much less than wall-clock time.
    /// </summary>
    public (TimeSpan User, TimeSpan System) CpuTime()
    {
        _process.Refresh();
        return (_process.UserProcessorTime, _process.PrivilegedProcessorTime);
    }

    /// <summary>
    /// Starts <paramref name="service"/>: a <c>cybercode.dll</c> (run by <c>dotnet</c>, as the build
    /// output is) or an executable (the apphost of <c>dotnet publish</c>); by default the build beside this tool.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, string? service = null)
    {
        service ??= DefaultService;
        var folder = Path.Combine(Path.GetTempPath(), "cybercode-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var viaDotnet = service.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(viaDotnet ? "dotnet" : service)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (viaDotnet)
        {
            start.ArgumentList.Add(service);
        }

        start.ArgumentList.Add("serve");
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Storage__DatabasePath"] = Path.Combine(folder, "cybercode.db");
        start.Environment["Web__RateLimit__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__CyberCode"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Watch(e.Data);
        process.ErrorDataReceived += (_, e) => Watch(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The service exited with code {process.ExitCode} before it listened."));
        var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return new ServiceProcess(process, folder, address);

        void Watch(string? line)
        {
            if (line is null)
            {
                return;
            }

            Console.Error.WriteLine("  service| " + line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }

    /// <summary>Stops it as a container runtime would (SIGTERM), and reports how it exited.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                _process.Kill(entireProcessTree: true);
            }
            else
            {
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        Console.Error.WriteLine($"  service| exited with code {_process.ExitCode}");
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the OS cleans it.
        }
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex ListeningLine();
}
