using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("OrderPlatform.IntegrationTests.Infrastructure.TestRunFramework", "OrderPlatform.IntegrationTests")]

namespace OrderPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// xunit's own framework, plus a clean-up when the whole run ends: the servers started once per run
/// are stopped here (the test host may not live long enough for a process-exit handler).
/// </summary>
public sealed class TestRunFramework : XunitTestFramework
{
    public TestRunFramework(IMessageSink messageSink) : base(messageSink) => DisposalTracker.Add(new TestRunCleanup());
}

/// <summary>What must be stopped when the test run ends.</summary>
public sealed class TestRunCleanup : IDisposable
{
    private static readonly List<Action> Actions = [];
    private static readonly Lock Gate = new();

    public static void Register(Action action)
    {
        lock (Gate)
        {
            Actions.Add(action);
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            foreach (var action in Actions)
            {
                action();
            }

            Actions.Clear();
        }
    }
}
