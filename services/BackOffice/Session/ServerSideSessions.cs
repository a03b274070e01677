using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace OrderPlatform.BackOffice.Session;

/// <summary>
/// The signed-in operator's session, ops token included, is kept in this process: the browser's cookie holds only a random key to it.
/// A restart of the back office signs operators out, which is what a leaked or forgotten session should do anyway.
/// </summary>
public sealed class ServerSideSessions(IMemoryCache sessions) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        Keep(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Keep(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => Task.FromResult(sessions.Get<AuthenticationTicket>(Prefixed(key)));

    public Task RemoveAsync(string key)
    {
        sessions.Remove(Prefixed(key));
        return Task.CompletedTask;
    }

    private void Keep(string key, AuthenticationTicket ticket)
    {
        var expires = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.Add(BackOfficeSession.IdleTimeout);
        sessions.Set(Prefixed(key), ticket, expires);
    }

    private static string Prefixed(string key) => CookieAuthenticationDefaults.AuthenticationScheme + ":" + key;
}
