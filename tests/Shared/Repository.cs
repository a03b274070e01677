namespace OrderPlatform.Tests;

/// <summary>The clone the tests were built from: its root, and its files read as text (the docs' tests, the manifests, the README).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>Every file of the repository a person reads or the build uses, without build output, installed packages or test results.</summary>
    public static IEnumerable<string> Files(string under = "", string pattern = "*") =>
        Directory.EnumerateFiles(Path.Combine(Root, under), pattern, SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(Root, file).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or "node_modules" or "artifacts" or ".git" or ".data"));

    public static string Relative(string file) => Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrderPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository (OrderPlatform.sln) is not above the test's directory.");
    }
}
