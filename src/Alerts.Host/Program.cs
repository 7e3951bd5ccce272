using Alerts.Host;

return await Cli.RunAsync(args);
