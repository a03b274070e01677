namespace OrderPlatform.Hosting.Model;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Unhealthy,
    Restarting,
    Exited,
    FailedToStart,
    Stopping,
    Stopped,
}
