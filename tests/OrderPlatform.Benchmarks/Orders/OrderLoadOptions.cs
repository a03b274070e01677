namespace OrderPlatform.Benchmarks.Orders;

/// <summary>
/// How <c>eng/bench orders</c> loads the platform: <paramref name="Clients"/> customers ordering as fast as answers come
/// (closed loop), or, with <paramref name="Rate"/>, a checkout every 1/rate second whatever the answers (open loop).
/// </summary>
public sealed record OrderLoadOptions(Uri Gateway, Uri Sandboxes, int Clients, double? Rate, int Orders, TimeSpan Duration, int Shipments, int Warmup)
{
    public const string Usage =
        "orders --gateway URL --sandboxes URL [--clients N (16)] [--orders N (2000)] | [--rate ORDERS_PER_S --duration SECONDS (30)] [--shipments N (100)] [--warmup ORDERS (500)]";

    public static OrderLoadOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? Value(string name)
        {
            var index = args.ToList().IndexOf(name);
            return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
        }

        var gateway = Value("--gateway") ?? throw new ArgumentException("--gateway URL is required.\n" + Usage);
        var sandboxes = Value("--sandboxes") ?? throw new ArgumentException("--sandboxes URL is required.\n" + Usage);
        double? rate = Value("--rate") is { } r ? double.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new OrderLoadOptions(new Uri(gateway), new Uri(sandboxes), int.Parse(Value("--clients") ?? "16", System.Globalization.CultureInfo.InvariantCulture),
            rate, int.Parse(Value("--orders") ?? "2000", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Value("--duration") ?? "30", System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(Value("--shipments") ?? "100", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--warmup") ?? "500", System.Globalization.CultureInfo.InvariantCulture));
    }
}
