using System.Globalization;

namespace OrderPlatform.Benchmarks.Orders;

/// <summary>CPU time per process of the platform (services, PostgreSQL, RabbitMQ), read from /proc, to say who is busy.</summary>
public sealed class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly Dictionary<string, double> before = Sample();

    /// <summary>CPU seconds each kind of process used since this was made, busiest first.</summary>
    public IReadOnlyList<(string Process, double CpuSeconds)> Since()
    {
        var after = Sample();
        return after.Select(entry => (entry.Key, entry.Value - before.GetValueOrDefault(entry.Key))).Where(entry => entry.Item2 > 0.05)
            .OrderByDescending(entry => entry.Item2).ToList();
    }

    private static Dictionary<string, double> Sample()
    {
        var totals = new Dictionary<string, double>();
        foreach (var directory in Directory.EnumerateDirectories("/proc").Where(path => Path.GetFileName(path).All(char.IsAsciiDigit)))
        {
            try
            {
                var name = NameOf(File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' '));
                if (name is null)
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                totals[name] = totals.GetValueOrDefault(name) + (ticks / TicksPerSecond);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return totals;
    }

    private static string? NameOf(string commandLine) =>
        commandLine.Contains("OrderPlatform.Benchmarks", StringComparison.Ordinal) ? "load generator"
        : commandLine.Contains("/OrderPlatform.", StringComparison.Ordinal) && commandLine.Split(' ')[0].Split('/')[^1] is var exe && exe.StartsWith("OrderPlatform.", StringComparison.Ordinal)
            ? exe["OrderPlatform.".Length..]
        : commandLine.StartsWith("postgres", StringComparison.Ordinal) || commandLine.Contains("/postgres ", StringComparison.Ordinal) ? "postgresql"
        : commandLine.Contains("beam.smp", StringComparison.Ordinal) ? "rabbitmq"
        : commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal) || commandLine.Contains("/dcp", StringComparison.Ordinal) ? "aspire (dcp, dashboard)"
        : commandLine.Contains("OrderPlatform.AppHost", StringComparison.Ordinal) ? "apphost"
        : null;
}
