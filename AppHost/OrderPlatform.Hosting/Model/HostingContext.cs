namespace OrderPlatform.Hosting.Model;

/// <summary>What every resource needs to know about the run it is part of.</summary>
public sealed record HostingContext(
    AppHostOptions Options,
    string InstanceId,
    string StateDirectory,
    Uri DashboardAddress)
{
    /// <summary>Every child process carries this variable, so that nothing can be left behind unnoticed.</summary>
    public const string InstanceVariable = "ORDERPLATFORM_INSTANCE";
}
