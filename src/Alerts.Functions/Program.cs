using Alerts;
using Alerts.Delivery;
using Alerts.Functions;
using Alerts.Recovery;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddAlertsFunctions(builder.Configuration);
builder.Build().Run();

namespace Alerts.Functions
{
    /// <summary>The stages the Azure app runs: the same as the local host's, with the storage reached through the
    /// app's managed identity when no connection string is set.</summary>
    public static class AlertsFunctionsServices
    {
        public static IServiceCollection AddAlertsFunctions(this IServiceCollection services, IConfiguration configuration)
            => services
                .AddAlertsStorage(configuration)
                .AddIdentityBasedStorage(configuration)
                .AddAlertsFetching()
                .AddAlertsAnalysisStep(configuration)
                .AddAlertsNovelty(inMemory: false)
                .AddAlertsDelivery()
                .AddAlertsRecovery();
    }
}
