using Portal.Web.Components;
using Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
await using var database = await PortalDatabase.PrepareAsync(builder.Configuration, builder.Environment);
builder.AddPortal(database);

var app = builder.Build();
await app.InitialiseDatabaseAsync(database);
app.UsePortal();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
await app.RunAsync();

public partial class Program;
