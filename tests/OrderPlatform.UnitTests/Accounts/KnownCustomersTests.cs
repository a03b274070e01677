using OrderPlatform.Contracts;
using OrderPlatform.Shops.Customers;

namespace OrderPlatform.UnitTests.Accounts;

/// <summary>What services keep of a customer, from Accounts' events in whatever order they arrive.</summary>
public sealed class KnownCustomersTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly CustomerRegistered Registered = new(Id, "C00100001", "camille@exemple.fr", "Camille", null, true, "unsub", "+33612345678");

    private static CustomerProfileChanged Changed(string email, DateTimeOffset at, bool loyalty = false) =>
        new(Id, email, "Camille", "Durand", "+33612345678", Newsletter: true, loyalty, at);

    [Fact]
    public void Sign_up_then_profile_changes_keep_the_newest_profile_FR_14()
    {
        var known = KnownCustomers.Apply(null, Registered);
        known = KnownCustomers.Apply(known, Changed("new@exemple.fr", Now, loyalty: true));
        known = KnownCustomers.Apply(known, Changed("old@exemple.fr", Now.AddMinutes(-5)));

        Assert.Equal("new@exemple.fr", known!.Email);
        Assert.True(known.LoyaltyMember);
        Assert.Equal("Camille Durand", known.FullName);
        Assert.Equal("unsub", known.UnsubscribeToken);
    }

    [Fact]
    public void A_profile_change_that_overtook_the_sign_up_is_not_undone_by_it()
    {
        var known = KnownCustomers.Apply(KnownCustomers.Apply(null, Changed("new@exemple.fr", Now)), Registered);

        Assert.Equal("new@exemple.fr", known!.Email);
        Assert.Equal("C00100001", known.CustomerNumber);
        Assert.Equal("unsub", known.UnsubscribeToken);
    }

    [Fact]
    public void After_erasure_nothing_identifies_the_person_and_late_events_do_not_bring_them_back_JI_15()
    {
        var erased = KnownCustomers.Apply(KnownCustomers.Apply(null, Registered), new CustomerErased(Id, "C00100001", Now));
        var afterLateEvents = KnownCustomers.Apply(KnownCustomers.Apply(erased, Registered), Changed("late@exemple.fr", Now.AddDays(1)));

        foreach (var state in new[] { erased, afterLateEvents! })
        {
            Assert.True(state.Erased);
            Assert.Null(state.Email);
            Assert.Null(state.FullName);
            Assert.Null(state.Phone);
            Assert.Null(state.UnsubscribeToken);
            Assert.Equal("C00100001", state.CustomerNumber);
        }
    }
}
