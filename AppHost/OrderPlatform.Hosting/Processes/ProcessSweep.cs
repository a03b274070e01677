using System.Text;

namespace OrderPlatform.Hosting.Processes;

/// <summary>
/// Finds processes by a variable in their environment. Every child the AppHost starts carries its
/// instance id, and so do their own children (PostgreSQL's backends, the Erlang VM, its port mapper),
/// which is how a stop makes sure nothing is left behind, and how a test checks it.
/// </summary>
public static class ProcessSweep
{
    public static IReadOnlyList<int> Find(string variable, string value)
    {
        var marker = Encoding.UTF8.GetBytes($"{variable}={value}\0");
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == self)
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllBytes(Path.Combine(directory, "environ"));
                if (environment.AsSpan().IndexOf(marker) >= 0 && !IsZombie(directory))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }

        return found;
    }

    /// <summary>Kills every process carrying the variable; returns how many there were.</summary>
    public static int KillAll(string variable, string value)
    {
        var pids = Find(variable, value);
        foreach (var pid in pids)
        {
            Signals.Send(pid, Signals.SigKill);
        }

        return pids.Count;
    }

    private static bool IsZombie(string directory)
    {
        var stat = File.ReadAllText(Path.Combine(directory, "stat"));
        var afterName = stat.LastIndexOf(')');
        return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] == 'Z';
    }
}
