using OrderPlatform.AppHost;
using OrderPlatform.Hosting;
using OrderPlatform.Hosting.Model;

var options = await CommandLineOptions.ParseAsync(args);
if (options is null)
{
    Console.Error.WriteLine(CommandLineOptions.Usage);
    return 2;
}

var system = OrderPlatformSystem.Build(options);
await system.RunAsync(started =>
{
    var gateway = started.Get<ProjectResource>("gateway");
    var sandboxes = started.Get<ProjectResource>("sandboxes");
    Console.WriteLine($"""

        OrderPlatform is running.
          gateway    {gateway.HttpAddress}
          dashboard  {started.DashboardAddress}
          sandboxes  {sandboxes.HttpAddress}
          data       {started.StateDirectory}
          instance   {started.InstanceId}
        Ctrl-C stops everything.

        """);
});
return 0;
