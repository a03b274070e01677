namespace OrderPlatform.Contracts;

/// <summary>A customer signed up: what other services keep about them (to greet, to write to).</summary>
public sealed record CustomerRegistered(Guid CustomerId, string CustomerNumber, string Email, string? FirstName, string? LastName, bool Newsletter)
    : IIntegrationEvent;
