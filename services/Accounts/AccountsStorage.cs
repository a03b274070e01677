using Marten;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Accounts.Security;
using OrderPlatform.Contracts;
using Weasel.Postgresql;

namespace OrderPlatform.Accounts;

public static class AccountsStorage
{
    /// <summary>Customer numbers count up from here, in the order customers sign up.</summary>
    public const string CustomerNumbers = "customer_numbers";

    public static void Configure(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Schema.For<Customer>().UniqueIndex(customer => customer.Email).UniqueIndex(customer => customer.CustomerNumber)
            .Index(customer => customer.UnsubscribeToken).Index(customer => customer.SellerId);
        options.Schema.For<KnownSeller>();
        options.Schema.For<SigningKey>();
        // One sign-in per code: a second one racing with the same code fails to write the step taken.
        options.Schema.For<SecondFactor>().UseOptimisticConcurrency(true);
        options.Schema.For<SignInFailures>().Index(failures => failures.Account);
        // GDPR erasure rewrites the stored events that named the person [JI-15].
        options.Events.AddMaskingRuleForProtectedInformation<CustomerRegistered>(registered =>
            registered with { Email = "erased", FirstName = null, LastName = null, UnsubscribeToken = null, Phone = null });
        options.Events.AddMaskingRuleForProtectedInformation<CustomerProfileChanged>(changed =>
            changed with { Email = "erased", FirstName = null, LastName = null, Phone = null });
        options.Events.AddMaskingRuleForProtectedInformation<PasswordResetRequested>(requested =>
            requested with { Email = "erased", FirstName = null, ResetId = Guid.Empty });
        options.Schema.For<PasswordResetToken>().Index(token => token.CustomerId);
        options.Storage.ExtendedSchemaObjects.Add(new Sequence(new PostgresqlObjectName(options.DatabaseSchemaName, CustomerNumbers, SchemaUtils.IdentifierUsage.General), 100001));
    }

    public static bool IsUniqueViolation(Exception error) =>
        error is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
        || (error.InnerException is { } inner && IsUniqueViolation(inner));
}
