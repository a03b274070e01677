using System.Diagnostics;

namespace OrderPlatform.Hosting.LocalServers;

/// <summary>A short command run to its end before a server starts (initdb, chown); its output is kept for the error.</summary>
internal static class ProcessRunner
{
    public static async Task RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{command} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
