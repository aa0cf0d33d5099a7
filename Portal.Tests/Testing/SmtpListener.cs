using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Portal.Tests.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps what it receives. It can be stopped, so a client
/// gets "connection refused", and started again on the same port.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private int? _port;
    private CancellationTokenSource? _stop;
    private Task? _running;

    /// <summary>
    /// The port the operating system gave the first start; later starts reuse it, so a portal configured with it
    /// reaches the listener again after a restart.
    /// </summary>
    public int Port => _port ?? throw new InvalidOperationException("The SMTP listener has no port until it is first started.");

    /// <summary>Every message received so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Messages => _messages.ToArray();

    public async Task StartAsync()
    {
        if (_running is not null) return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("portal-tests")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, _port ?? 0)))
            .Build();
        var endpoints = new EndpointListenerFactory();
        endpoints.EndpointStarted += (_, e) => _port = ((IPEndPoint)e.LocalEndPoint).Port;
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(endpoints);
        services.Add(new Store(_messages));

        // SmtpServer binds and starts listening before StartAsync first yields (EndpointStarted fires on this thread), so
        // the port accepts connections as soon as the call returns; a failed bind (port taken) has faulted the task by then.
        var stop = new CancellationTokenSource();
        var running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        if (running.IsFaulted)
        {
            stop.Dispose();
            await running;
        }
        (_stop, _running) = (stop, running);
    }

    /// <summary>
    /// Stops listening: when this returns, connecting to <see cref="Port"/> is refused. Cancelling (rather than
    /// SmtpServer's Shutdown(), which waits for open sessions to finish) also ends sessions a client left open.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null) return;
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        (_stop, _running) = (null, null);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
