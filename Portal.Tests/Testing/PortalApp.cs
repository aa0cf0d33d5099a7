using System.Diagnostics;
using System.Text;

namespace Portal.Tests.Testing;

/// <summary>
/// The real portal, run as its own process from its build output against a fresh database of the test run's cluster
/// and a real SMTP listener, with the demo seeded. Browser and HTTP tests talk to it over 127.0.0.1.
/// </summary>
public sealed class PortalApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private PortalApp(Process process, StringBuilder log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }
    public string Log { get { lock (_log) return _log.ToString(); } }

    public static async Task<PortalApp> StartAsync(string connectionString, string ownerConnectionString, int smtpPort)
    {
        var port = FreePorts.Next();
        var dll = WebAssemblyPath();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["ConnectionStrings__PortalOwner"] = ownerConnectionString;
        start.Environment["Portal__Demo"] = "true";
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["Smtp__Port"] = smtpPort.ToString();
        start.Environment["Smtp__Security"] = "None";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the portal");
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new PortalApp(process, log, new Uri($"http://127.0.0.1:{port}/"));
        await app.WaitUntilHealthyAsync();
        return app;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await http.GetAsync(new Uri(Address, "health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The portal did not answer /health within 90 s:\n{Log}");
    }

    /// <summary>Portal.Web's own build output (same configuration as this test assembly), where its static web assets manifest is.</summary>
    private static string WebAssemblyPath()
    {
        var testBin = AppContext.BaseDirectory;
        var dir = new DirectoryInfo(testBin);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Portal.sln not found above " + testBin);
        var parts = testBin.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        var (configuration, framework) = (parts[^2], parts[^1]);
        var dll = Path.Combine(dir.FullName, "Portal.Web", "bin", configuration, framework, "Portal.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Portal.Web first", dll);
    }


    public async ValueTask DisposeAsync()
    {
        // Kept for a failed run's post-mortem; the test output names the address, the log tells what the app saw.
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"portal-app-{Address.Port}.log"), Log);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
