using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Tests.Infrastructure;

/// <summary>One web node of several in a test: the real host (Program) on the given App_Data with the given settings;
/// the test owns the App_Data (nodes may share one, or each have its own).</summary>
public sealed class PortalNode(string appDataPath, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Portal:AppDataPath", appDataPath);
        builder.UseSetting("Portal:Setup:AdminPassword", PortalTestHost.AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        builder.UseSetting("Portal:SignIn:AddressPermitLimit", "100000");
        builder.UseSetting("Portal:SignIn:FreeAddressFailures", "100000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddTestContentTypes());
    }
}
