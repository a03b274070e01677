namespace OrderPlatform.Hosting.Infrastructure;

/// <summary>Where the machine's PostgreSQL and RabbitMQ programs are (Debian's packages).</summary>
internal static class LocalBinaries
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

    public static string RabbitMqServer()
    {
        const string server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        return File.Exists(server) ? server : throw new InvalidOperationException("RabbitMQ is not installed (apt-get install rabbitmq-server); eng/run installs it.");
    }

    public static string Epmd() => File.Exists("/usr/bin/epmd") ? "/usr/bin/epmd" : "epmd";

    /// <summary>PostgreSQL refuses to run as root: as root, its programs run as the postgres user.</summary>
    public static IReadOnlyList<string> RunAsPostgresPrefix() =>
        Environment.UserName == "root" ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"] : [];
}
