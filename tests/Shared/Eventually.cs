namespace OrderPlatform.Tests;

/// <summary>Waits for something the system does asynchronously, or fails saying what never happened.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(150);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan timeout, string what) =>
        GetAsync<object>(async () => await probe() ? new object() : null, timeout, what);

    /// <summary>
    /// For what must not happen (a second e-mail, a second capture): watches that the condition holds for the whole of
    /// <paramref name="window"/> and fails as soon as it does not, saying what. There is no event to wait for when nothing happens,
    /// so the window is how long a copy delivered twice would take to show.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> probe, TimeSpan window, string what)
    {
        var end = DateTimeOffset.UtcNow + window;
        do
        {
            if (!await probe())
            {
                throw new InvalidOperationException($"Expected {what} for {window.TotalSeconds:0} s; it did not hold.");
            }

            await Task.Delay(150);
        }
        while (DateTimeOffset.UtcNow < end);
    }
}
