namespace OrderPlatform.Hosting.Model;

/// <summary>Streams every resource's output to the console, each line prefixed with its resource's name.</summary>
internal static class ConsoleOutput
{
    private static readonly ConsoleColor[] Colours =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen, ConsoleColor.DarkYellow];

    private static readonly Lock Gate = new();

    public static void Attach(IReadOnlyList<Resource> resources)
    {
        var width = resources.Max(resource => resource.Name.Length);
        for (var i = 0; i < resources.Count; i++)
        {
            var prefix = $"[{resources[i].Name.PadRight(width)}] ";
            var colour = Colours[i % Colours.Length];
            resources[i].Log.LineAppended += line => Write(prefix, colour, line);
        }
    }

    private static void Write(string prefix, ConsoleColor colour, string line)
    {
        lock (Gate)
        {
            Console.ForegroundColor = colour;
            Console.Write(prefix);
            Console.ResetColor();
            Console.WriteLine(line);
        }
    }
}
