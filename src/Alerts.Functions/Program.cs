using Alerts.Functions;
using Alerts.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddAlertsFunctions(builder.Configuration);
builder.Build().Run();

namespace Alerts.Functions
{
    /// <summary>The Azure app runs the pipeline the local host runs, with the storage reached through the app's
    /// managed identity when no connection string is set.</summary>
    public static class AlertsFunctionsServices
    {
        public static IServiceCollection AddAlertsFunctions(this IServiceCollection services, IConfiguration configuration)
            => services
                .AddAlertsPipeline(configuration)
                .AddIdentityBasedStorage(configuration);
    }
}
