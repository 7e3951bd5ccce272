using Alerts.Functions;
using Alerts.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

AlertsFunctionsServices.CreateBuilder(args).Build().Run();

namespace Alerts.Functions
{
    /// <summary>The Azure app runs the pipeline the local host runs, with the storage reached through the app's
    /// managed identity when no connection string is set.</summary>
    public static class AlertsFunctionsServices
    {
        /// <summary>The worker as Program.cs runs it; the Logging section (Logging__LogLevel__Default) sets what the
        /// worker sends to the host, and host.json lets every level of it through.</summary>
        public static FunctionsApplicationBuilder CreateBuilder(string[] args)
        {
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddAlertsFunctions(builder.Configuration);
            return builder;
        }

        public static IServiceCollection AddAlertsFunctions(this IServiceCollection services, IConfiguration configuration)
            => services
                .AddAlertsPipeline(configuration)
                .AddIdentityBasedStorage(configuration);
    }
}
