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
}
