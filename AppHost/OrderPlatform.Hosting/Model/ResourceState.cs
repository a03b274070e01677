namespace OrderPlatform.Hosting.Model;

public enum ResourceState
{
    NotStarted,
    Starting,
    Running,
    Unhealthy,
    Restarting,
    Exited,
    FailedToStart,
    Stopping,
    Stopped,
}
