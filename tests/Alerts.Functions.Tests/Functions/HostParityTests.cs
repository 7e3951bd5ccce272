using System.Reflection;
using Alerts.Functions;
using Alerts.Host;
using Alerts.Pipeline;
using Alerts.Storage;
using Worker = Microsoft.Azure.Functions.Worker;
using LocalJobs = Microsoft.Azure.WebJobs;

namespace Alerts.Tests.Functions;

/// <summary>The Azure app (isolated worker) and the local host (WebJobs SDK) must say the same functions, trigger
/// containers, schedules and settings.</summary>
public sealed class HostParityTests
{
    public sealed record Trigger(string Function, string Kind, string PathOrSchedule, string? Connection, string? Source, string Parameters);

    [Fact]
    public void Functions_BothHosts_DeclareTheSameFunctionsTriggersAndSettings()
    {
        var local = LocalHostTriggers();
        var azure = AzureTriggers();

        Assert.Equal(6, azure.Count);
        Assert.Equal(local.OrderBy(t => t.Function), azure.OrderBy(t => t.Function));
    }

    [Fact]
    public void Functions_AzureApp_UsesPipelineNamesAndTheEventGridSource()
    {
        var azure = AzureTriggers().ToDictionary(t => t.Function);

        Assert.Equal(FunctionNames.FetchScheduleExpression, azure[FunctionNames.FetchArticles].PathOrSchedule);
        Assert.Equal(FunctionNames.ArticlesTrigger, azure[FunctionNames.AnalyzeArticle].PathOrSchedule);
        Assert.Equal(FunctionNames.AnalysesTrigger, azure[FunctionNames.NotifySubscribers].PathOrSchedule);
        Assert.Equal(FunctionNames.RedriveScheduleExpression, azure[FunctionNames.RedriveDeliveries].PathOrSchedule);
        Assert.Equal(FunctionNames.DigestScheduleExpression, azure[FunctionNames.SendDigests].PathOrSchedule);
        Assert.Equal(FunctionNames.ReconcileScheduleExpression, azure[FunctionNames.Reconcile].PathOrSchedule);
        Assert.All(azure.Values.Where(t => t.Kind == "blob"), t => Assert.Equal("EventGrid", t.Source));
        Assert.All(azure.Values.Where(t => t.Kind == "blob"), t => Assert.Equal(PipelineNames.StorageConnection, t.Connection));
    }

    [Fact]
    public void Timers_AzureApp_DoNotRunOnStartup()
    {
        var timers = TriggerAttributes<Worker.TimerTriggerAttribute>(AzureFunctionClasses()).ToList();

        Assert.Equal(4, timers.Count);
        Assert.All(timers, t => Assert.False(t.Attribute.RunOnStartup));
        Assert.All(timers, t => Assert.True(t.Attribute.UseMonitor));
    }

    private static List<Trigger> LocalHostTriggers()
    {
        var triggers = new List<Trigger>();
        foreach (var method in AlertsHost.FunctionClasses.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var name = method.GetCustomAttribute<LocalJobs.FunctionNameAttribute>()!.Name;
            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<LocalJobs.BlobTriggerAttribute>() is { } blob)
                {
                    triggers.Add(new Trigger(name, "blob", blob.BlobPath, blob.Connection, blob.Source.ToString(), Parameters(method)));
                }
                else if (parameter.GetCustomAttribute<LocalJobs.TimerTriggerAttribute>() is { } timer)
                {
                    triggers.Add(new Trigger(name, "timer", timer.ScheduleExpression, null, null, Parameters(method)));
                }
            }
        }

        return triggers;
    }

    private static List<Trigger> AzureTriggers()
    {
        var triggers = new List<Trigger>();
        foreach (var method in AzureFunctionClasses().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var name = method.GetCustomAttribute<Worker.FunctionAttribute>()!.Name;
            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<Worker.BlobTriggerAttribute>() is { } blob)
                {
                    triggers.Add(new Trigger(name, "blob", blob.BlobPath, blob.Connection, blob.Source.ToString(), Parameters(method)));
                }
                else if (parameter.GetCustomAttribute<Worker.TimerTriggerAttribute>() is { } timer)
                {
                    triggers.Add(new Trigger(name, "timer", timer.Schedule, null, null, Parameters(method)));
                }
            }
        }

        return triggers;
    }

    /// <summary>Every class of the Azure app with a [Function] method.</summary>
    internal static Type[] AzureFunctionClasses()
        => [.. typeof(AlertsFunctionsServices).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<Worker.FunctionAttribute>() is not null))];

    private static IEnumerable<(MethodInfo Method, T Attribute)> TriggerAttributes<T>(IEnumerable<Type> classes)
        where T : Attribute
        => classes.SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => (Method: m, Attribute: p.GetCustomAttribute<T>())))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Method, x.Attribute!));

    // The binding names (trigger parameter, {name}) matter to the runtime too.
    private static string Parameters(MethodInfo method) => string.Join(",", method.GetParameters().Select(p => p.Name));
}
