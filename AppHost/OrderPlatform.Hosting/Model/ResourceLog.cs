namespace OrderPlatform.Hosting.Model;

/// <summary>The last lines a resource printed, bounded, for the dashboard and for test diagnostics.</summary>
public sealed class ResourceLog
{
    private const int Capacity = 2000;
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public event Action<string>? LineAppended;

    public void Append(string line)
    {
        lock (gate)
        {
            if (lines.Count == Capacity)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
        }

        LineAppended?.Invoke(line);
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (gate)
        {
            return lines.Skip(Math.Max(0, lines.Count - count)).ToList();
        }
    }
}
