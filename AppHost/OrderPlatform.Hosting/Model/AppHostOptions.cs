namespace OrderPlatform.Hosting.Model;

public sealed record AppHostOptions
{
    /// <summary>Root of the repository (where OrderPlatform.sln is): services start from its artifacts/.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The build configuration whose output is started ("debug" or "release").</summary>
    public string Configuration { get; init; } = "debug";

    /// <summary>ASP.NET Core environment of the services.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Fixed, well-known ports for a person (API.md); free ports when tests start several systems.</summary>
    public bool UseFixedPorts { get; init; } = true;

    public int GatewayPort { get; init; } = 5080;
    public int DashboardPort { get; init; } = 18888;
    public int SandboxesPort { get; init; } = 5090;
    /// <summary>The Sandboxes' SMTP capture, where Notification sends its e-mail in development.</summary>
    public int SmtpCapturePort { get; init; } = 2525;

    /// <summary>Keeps data between runs under this directory; null makes a throw-away one (tests).</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Start PostgreSQL and RabbitMQ with <c>docker run</c> instead of local binaries.</summary>
    public bool UseContainers { get; init; }

    /// <summary>Also write every resource's output, prefixed, to the console.</summary>
    public bool StreamToConsole { get; init; } = true;

    /// <summary>How long a resource may take to become ready before the start is called failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Extra settings for every service (Merchant__Preset, say).</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; init; } = new Dictionary<string, string>();
}
