using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Subscriptions, the two channels, the delivery ledger, digests and the NotifySubscribers,
    /// RedriveDeliveries and SendDigests steps. Needs storage and novelty registered.</summary>
    public static IServiceCollection AddAlertsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<NotifyOptions>().Bind(configuration.GetSection(NotifyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotifyOptions>, NotifyOptionsValidator>();
        services.AddSingleton<IValidateOptions<NotifyOptions>, SendLeaseValidator>();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(TeamsAlertChannel.HttpClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.Timeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The factory's loggers would write the webhook URL, which is a secret.
            .RemoveAllLoggers();
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>();
        services.AddSingleton<FeedbackLinks>();
        services.AddSingleton<FeedbackService>();
        services.TryAddSingleton<INotificationEvents, NoNotificationEvents>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<IAlertChannel, EmailAlertChannel>();
        services.AddSingleton<IAlertChannel, TeamsAlertChannel>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<NotifySubscribersStep>();
        services.AddSingleton<DeliveryTimers>();
        services.AddSingleton<SendTest>();
        return services;
    }
}
