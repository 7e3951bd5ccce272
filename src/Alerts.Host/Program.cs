using Alerts.Host;

return await Cli.RunAsync(args, Console.Out, Console.Error);
