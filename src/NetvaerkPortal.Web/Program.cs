using NetvaerkPortal.Web.CommandLine;
using NetvaerkPortal.Web.Hosting;

if (PortalCommands.IsCommand(args))
{
    return await PortalCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
app.MapPortal();
app.Run();
return 0;

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
