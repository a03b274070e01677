namespace OrderPlatform.Hosting.LocalServers;

/// <summary>Where the machine's PostgreSQL and RabbitMQ programs are (Debian's packages; eng/run installs them).</summary>
public static class LocalBinaries
{
    public static string PostgresBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(directory => (directory, version: int.TryParse(Path.GetFileName(directory), out var v) ? v : 0))
                .Where(candidate => File.Exists(Path.Combine(candidate.directory, "bin", "postgres")))
                .OrderByDescending(candidate => candidate.version)
                .Select(candidate => Path.Combine(candidate.directory, "bin"))
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql); eng/run installs it.");
    }

    public static string RabbitMqServer() => Existing("/usr/lib/rabbitmq/bin/rabbitmq-server", "rabbitmq-server");

    /// <summary>PostgreSQL refuses to run as root: as root, its programs run as the postgres user.</summary>
    public static bool RunsAsPostgresUser => Environment.UserName == "root";

    /// <summary>The command line that runs a PostgreSQL program, through setpriv when we are root.</summary>
    public static (string Command, string[] Arguments) AsPostgresUser(string program, params string[] arguments) =>
        RunsAsPostgresUser
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments])
            : (program, arguments);

    private static string Existing(string path, string package) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing (apt-get install {package}); eng/run installs it.");
}
