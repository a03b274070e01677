using OrderPlatform.Hosting.Infrastructure;
using OrderPlatform.Hosting.Model;
using OrderPlatform.Hosting.Processes;

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>PostgreSQL and RabbitMQ from the machine's binaries, through the AppHost's own resources.</summary>
internal static class LocalInfrastructure
{
    public static async Task<T> StartAsync<T>(Func<string, Uri, Uri, T> describe)
    {
        var (context, postgres, rabbitMq) = Declare();
        var stopped = 0;
        void StopOnce()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0)
            {
                // The test host may exit moments after the run ends: throw-away servers are killed
                // outright, with everything they started, then the rest is tidied up.
                ProcessSweep.KillAll(HostingContext.InstanceVariable, context.InstanceId);
                Stop(context, rabbitMq, postgres);
            }
        }

        TestRunCleanup.Register(StopOnce);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopOnce();
        await Task.WhenAll(postgres.StartAsync(context, CancellationToken.None), rabbitMq.StartAsync(context, CancellationToken.None));
        return describe(postgres.ConnectionStringFor("postgres"), new Uri(rabbitMq.ConnectionString), rabbitMq.ManagementAddress);
    }

    /// <summary>A RabbitMQ of its own, for a test that stops and starts the broker.</summary>
    public static async Task<(RabbitMqServer Broker, HostingContext Context)> StartOwnRabbitMqAsync()
    {
        var (context, _, rabbitMq) = Declare();
        await rabbitMq.StartAsync(context, CancellationToken.None);
        return (rabbitMq, context);
    }

    private static (HostingContext, PostgresServer, RabbitMqServer) Declare()
    {
        var instance = Convert.ToHexString(Guid.NewGuid().ToByteArray()[..5]).ToLowerInvariant();
        var state = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"orderplatform-tests-{instance}")).FullName;
        var options = new AppHostOptions { RepositoryRoot = state, UseFixedPorts = false, StreamToConsole = false };
        return (new HostingContext(options, instance, state, new Uri("http://127.0.0.1:4318")), new PostgresServer("postgres"), new RabbitMqServer("messaging"));
    }

    private static void Stop(HostingContext context, params Resource[] resources)
    {
        // Together: the test host may not wait long once the run is over.
        Task.WhenAll(resources.Select(resource => resource.StopAsync(CancellationToken.None))).GetAwaiter().GetResult();

        try
        {
            Directory.Delete(context.StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }
}
