namespace OrderPlatform.Hosting;

/// <summary>Where this checkout is, and which build of it is running: services start from its artifacts/.</summary>
public static class RepositoryLayout
{
#if DEBUG
    public const string BuildConfiguration = "debug";
#else
    public const string BuildConfiguration = "release";
#endif

    /// <summary>The folder holding OrderPlatform.sln, above this program's build output.</summary>
    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrderPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("OrderPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
