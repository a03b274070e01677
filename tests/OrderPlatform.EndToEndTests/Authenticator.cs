using OtpNet;

namespace OrderPlatform.EndToEndTests;

/// <summary>
/// The development ops account's authenticator app, as the operator's phone shows it (its key is
/// <c>services/Accounts/appsettings.Development.json</c>'s). Accounts takes each code once: this process hands out, for each platform,
/// codes of time steps it has not used there yet.
/// </summary>
public static class Authenticator
{
    public const string OpsKey = "K267NYOMTEGLGBL3QQRESXFVBHG6D5O7";
    private static readonly Dictionary<string, HashSet<long>> Used = [];
    private static readonly Dictionary<string, string> Keys = [];

    /// <summary>The key an operator's app was given when they set it up on <paramref name="platform"/> (instead of development's).</summary>
    public static void SetUp(Uri platform, string key)
    {
        ArgumentNullException.ThrowIfNull(platform);
        lock (Used)
        {
            Keys[platform.Authority] = key;
            Used[platform.Authority] = []; // a new authenticator: Accounts has taken none of its codes yet
        }
    }

    /// <summary>A code not handed out before for <paramref name="platform"/>, of a step Accounts accepts now (one either side of the current one).</summary>
    public static string? CodeNow(Uri platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var step = now / 30;
        // The previous step's code is still good for the rest of this step: taken first (it expires unused otherwise), unless the
        // step ends in less than 5 s (the sign-in could reach Accounts after it, when that code is wrong and counted as a guess).
        long[] candidates = now % 30 < 25 ? [step - 1, step, step + 1] : [step, step + 1];
        lock (Used)
        {
            if (!Used.TryGetValue(platform.Authority, out var used))
            {
                Used[platform.Authority] = used = [];
            }

            foreach (var candidate in candidates)
            {
                if (used.Add(candidate))
                {
                    var key = Keys.GetValueOrDefault(platform.Authority, OpsKey);
                    return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(candidate * 30).UtcDateTime);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Keeps the steps from now on for a sign-in outside this process (the README's walkthrough types <c>eng/ops-code</c>'s current
    /// code): this process hands none of them out until the reservation is disposed, which gives back the steps still to come.
    /// </summary>
    public static IDisposable Reserve(Uri platform, TimeSpan longest)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var now = DateTimeOffset.UtcNow;
        var reserved = new List<long>();
        lock (Used)
        {
            if (!Used.TryGetValue(platform.Authority, out var used))
            {
                Used[platform.Authority] = used = [];
            }

            for (var step = now.ToUnixTimeSeconds() / 30; step <= (now + longest).ToUnixTimeSeconds() / 30 + 1; step++)
            {
                if (used.Add(step))
                {
                    reserved.Add(step);
                }
            }
        }

        return new Reservation(() =>
        {
            var current = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (Used)
            {
                Used[platform.Authority].ExceptWith(reserved.Where(step => step > current));
            }
        });
    }

    private sealed class Reservation(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    /// <summary>The code the app shows now on <paramref name="platform"/>, whether or not this process handed it out already.</summary>
    public static string Current(Uri platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        lock (Used)
        {
            return new Totp(Base32Encoding.ToBytes(Keys.GetValueOrDefault(platform.Authority, OpsKey))).ComputeTotp(DateTime.UtcNow);
        }
    }

    /// <summary>A code not used before, waiting for the next step (at most 30 s) when both at hand are taken.</summary>
    public static async Task<string> CodeAsync(Uri platform)
    {
        var code = CodeNow(platform);
        while (code is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            code = CodeNow(platform);
        }

        return code;
    }
}
