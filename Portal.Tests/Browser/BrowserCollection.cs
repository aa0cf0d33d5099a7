namespace Portal.Tests.Browser;

/// <summary>Browser classes run one after another: each starts a portal and a Chromium, too much at once for 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
