using System.Diagnostics;

namespace OrderPlatform.EndToEndTests;

/// <summary>The README's walkthrough, pasted into a shell as a new user would, against a fresh system.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReadmeWalkthroughTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_README_walkthrough_runs_as_written_from_sign_up_to_a_parcel_at_its_relay()
    {
        var script = Walkthrough()
            .Replace("localhost:5080", platform.Endpoint("gateway").Authority, StringComparison.Ordinal)
            .Replace("localhost:5090", platform.Sandboxes.Authority, StringComparison.Ordinal);
        // The walkthrough signs in as the development operator with the code eng/ops-code shows: none of this process's sign-ins takes it.
        var (exitCode, output) = (0, "");
        using (Authenticator.Reserve(platform.Gateway.BaseAddress!, TimeSpan.FromMinutes(3)))
        {
            (exitCode, output) = await RunAsync(script, TimeSpan.FromMinutes(3));
        }

        Assert.True(exitCode == 0, $"the walkthrough exited {exitCode}:\n{output}");
        Assert.Contains("\"status\":\"confirmed\"", output, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"label-created\"", output, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"available-for-pickup\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":4", output, StringComparison.Ordinal); // no problem details on the way
    }

    /// <summary>The bash block that follows the README's walkthrough marker, exactly as written.</summary>
    private static string Walkthrough()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var marker = readme.IndexOf("<!-- walkthrough -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "README.md has no walkthrough marker");
        var start = readme.IndexOf("```bash\n", marker, StringComparison.Ordinal) + "```bash\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string script, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root,
        };
        using var shell = Process.Start(info)!;
        var output = shell.StandardOutput.ReadToEndAsync();
        var errors = shell.StandardError.ReadToEndAsync();
        await shell.StandardInput.WriteAsync(script);
        shell.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await shell.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            shell.Kill(entireProcessTree: true);
            throw new TimeoutException($"the walkthrough did not end within {timeout}:\n{await output}{await errors}");
        }

        return (shell.ExitCode, await output + await errors);
    }
}
