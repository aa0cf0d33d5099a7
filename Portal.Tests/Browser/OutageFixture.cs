using Portal.Tests.Testing;

namespace Portal.Tests.Browser;

/// <summary>A portal of its own for the outage tests, whose database they take away and give back.</summary>
public sealed class OutageFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly BrowserFixture _inner = new(postgres);

    public BrowserFixture Browser => _inner;
    public Task SetDatabaseReachableAsync(bool reachable) => postgres.SetReachableAsync(_inner.ConnectionString, reachable);

    public ValueTask InitializeAsync() => _inner.InitializeAsync();
    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
