using Portal.Tests.Testing;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
