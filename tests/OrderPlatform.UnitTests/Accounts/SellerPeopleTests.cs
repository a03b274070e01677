extern alias accounts;
using accounts::OrderPlatform.Accounts.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.UnitTests.Accounts;

/// <summary>Who acts for a marketplace seller [MP-01]: one seller per person, never an operator, never oneself removed.</summary>
public sealed class SellerPeopleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static Customer Account(params string[] roles) =>
        new(Guid.NewGuid(), "C00100001", "claire@atelier-rhone.fr", "hash", roles, "Claire", null, null, false, false, [], Now);

    [Fact]
    public void A_customer_joins_a_seller_and_stays_a_customer_joining_again_changes_nothing_MP_01()
    {
        var (person, refusal) = SellerPeople.Join(Account(PlatformAuthentication.CustomerRole), "atelier-rhone-732829320");

        Assert.Null(refusal);
        Assert.Equal("atelier-rhone-732829320", person!.SellerId);
        Assert.Equal([PlatformAuthentication.CustomerRole, PlatformAuthentication.SellerRole], person.Roles);
        Assert.Same(person, SellerPeople.Join(person, "atelier-rhone-732829320").Person);
    }

    [Fact]
    public void A_person_of_one_seller_an_operator_or_an_erased_account_cannot_join_another_MP_01()
    {
        var (person, _) = SellerPeople.Join(Account(PlatformAuthentication.CustomerRole), "atelier");

        Assert.NotNull(SellerPeople.Join(person!, "brocante").Refusal);
        Assert.NotNull(SellerPeople.Join(Account(PlatformAuthentication.OpsRole), "brocante").Refusal);
        Assert.NotNull(SellerPeople.Join(Account(PlatformAuthentication.CustomerRole).Erase(Now), "brocante").Refusal);
    }

    [Fact]
    public void A_certification_makes_the_applicant_the_first_person_only_of_a_seller_nobody_acts_for_yet_MP_01()
    {
        Assert.Equal("atelier", SellerPeople.JoinAsFirst(Account(PlatformAuthentication.CustomerRole), "atelier", sellerHasPeople: false).Person!.SellerId);

        var (person, refusal) = SellerPeople.JoinAsFirst(Account(PlatformAuthentication.CustomerRole), "atelier", sellerHasPeople: true);

        Assert.Null(person);
        Assert.NotNull(refusal);
    }

    [Fact]
    public void A_colleague_is_removed_by_the_same_seller_only_and_nobody_removes_themselves_MP_01()
    {
        var claire = SellerPeople.Join(Account(PlatformAuthentication.CustomerRole), "atelier").Person!;
        var ines = SellerPeople.Join(Account(), "atelier").Person!;

        var (former, refusal) = SellerPeople.Remove(claire, "atelier", removedBy: ines.Id);
        Assert.Null(refusal);
        Assert.Null(former!.SellerId);
        Assert.Equal([PlatformAuthentication.CustomerRole], former.Roles);
        Assert.NotNull(SellerPeople.Remove(claire, "atelier", removedBy: claire.Id).Refusal);
        Assert.Equal((null, null), SellerPeople.Remove(claire, "brocante", removedBy: Guid.NewGuid())); // not its person: unknown
    }

    [Fact]
    public void An_erased_person_no_longer_acts_for_its_seller_JI_15()
    {
        var erased = SellerPeople.Join(Account(), "atelier").Person!.Erase(Now);

        Assert.Equal((null, 0), (erased.SellerId, erased.Roles.Count));
    }
}
