using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
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
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpListener() => Port = FreePort();

    public int Port { get; }
    public IReadOnlyCollection<MimeMessage> Messages => _messages.ToArray();

    public async Task StartAsync()
    {
        if (_running is not null) return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("portal-tests")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilAsync(accepting: true);
    }

    public async Task StopAsync()
    {
        if (_running is null) return;
        _server!.Shutdown();
        await _stop!.CancelAsync();
        try { await _running; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
        (_server, _stop, _running) = (null, null, null);
        await WaitUntilAsync(accepting: false);
    }

    private async Task WaitUntilAsync(bool accepting)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await IsAcceptingAsync() == accepting) return;
            await Task.Delay(20);
        }
        throw new InvalidOperationException($"SMTP listener on {Port} did not become {(accepting ? "ready" : "closed")}.");
    }

    private async Task<bool> IsAcceptingAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
