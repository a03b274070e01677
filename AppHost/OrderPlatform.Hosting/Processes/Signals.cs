using System.Runtime.InteropServices;

namespace OrderPlatform.Hosting.Processes;

/// <summary>POSIX signals to child processes: .NET can only kill outright, and a clean stop needs SIGTERM or SIGINT.</summary>
internal static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
