using System.Security.Cryptography;

namespace OrderPlatform.Hosting.LocalServers;

/// <summary>Where a local server keeps its data, and the secrets that must stay the same across restarts.</summary>
internal static class StateDirectory
{
    public static string For(string root, string resourceName) => Directory.CreateDirectory(Path.Combine(root, resourceName)).FullName;

    /// <summary>A password made once and kept beside the data it protects (owner-only), so data survives a restart.</summary>
    public static string Password(string directory)
    {
        var path = Path.Combine(directory, "password");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }
}
