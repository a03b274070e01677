namespace OrderPlatform.Messaging;

/// <summary>How messages that arrived early are delivered again (configuration section <c>Messaging:Early</c>).</summary>
public sealed class EarlyMessageOptions
{
    public const string Section = "Messaging:Early";

    /// <summary>The wait before the first delivery again; each later one waits twice as long, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A message still early this long after it was first parked never will be in time: it goes to <c>_error</c>, logged as an error,
    /// for an operator to look at (RabbitMQ keeps it there).
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often due messages are looked for.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Inbox rows older than this are pruned: past it, the outbox relay and this parking no longer send a copy.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The wait before delivery number <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20))));
}
