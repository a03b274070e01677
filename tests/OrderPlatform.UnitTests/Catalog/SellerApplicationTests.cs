extern alias catalog;
using catalog::OrderPlatform.Catalog.Domain;

namespace OrderPlatform.UnitTests.Catalog;

/// <summary>Only certified sellers, companies operating in France, can sell [MP-01]: the application, its SIRET, ops' decision.</summary>
public sealed class SellerApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static SellerApplicationRequest Request(string siret = "732 829 320 00074") =>
        new("Atelier Rhône & Fils SARL", siret, "12 quai Saint-Antoine", "69002", "Lyon", "Claire Dumas", "claire@atelier-rhone.fr");

    [Theory]
    [InlineData("73282932000074", true)] // Luhn key right
    [InlineData("732 829 320 00074", true)] // as printed on a Kbis
    [InlineData("73282932000075", false)] // last digit wrong
    [InlineData("7328293200007", false)] // 13 digits
    [InlineData("7328293200007A", false)]
    [InlineData("35600000049837", true)] // La Poste: digits summing to a multiple of 5, not Luhn
    [InlineData("35600000049838", false)]
    [InlineData("", false)]
    public void A_SIRET_is_14_digits_whose_key_checks_out_MP_01(string siret, bool valid) => Assert.Equal(valid, CompanyNumbers.IsSiret(siret));

    [Theory]
    [InlineData("732829320", true)]
    [InlineData("732829321", false)]
    [InlineData("73282932", false)]
    public void A_SIREN_is_9_digits_with_a_Luhn_key(string siren, bool valid) => Assert.Equal(valid, CompanyNumbers.IsSiren(siren));

    [Fact]
    public void An_application_needs_a_valid_SIRET_a_French_postal_code_and_a_contact_MP_01()
    {
        Assert.Empty(SellerApplications.Validate(Request()));
        var errors = SellerApplications.Validate(new SellerApplicationRequest("", "12345678901234", "", "6900", "", "", "pas-un-email"));

        Assert.Equal(["companyName", "address", "city", "contactName", "siret", "postalCode", "contactEmail"], errors.Keys);
    }

    [Fact]
    public void Certified_the_company_becomes_a_certified_seller_named_after_it_and_its_SIREN_and_the_application_ends_MP_01()
    {
        var application = SellerApplications.File(Guid.NewGuid(), Guid.NewGuid(), Request(), Now);

        var (decided, seller, refusal) = SellerApplications.Decide(application, certify: true, reason: null, Now.AddHours(2));

        Assert.Null(refusal);
        Assert.Equal(new Seller("atelier-rhone-fils-sarl-732829320", "Atelier Rhône & Fils SARL", Certified: true), seller);
        Assert.Equal((SellerApplication.Certified, Now.AddHours(2), seller!.Id), (decided!.Status, decided.DecidedAt, decided.SellerId));
        Assert.Equal("73282932000074", decided.Siret);
        Assert.Equal("This application was already certified.", SellerApplications.Decide(decided, certify: false, "Trop tard", Now).Refusal);
    }

    [Fact]
    public void A_company_that_already_sells_is_not_certified_again_nor_may_it_apply_it_can_still_be_refused_MP_01()
    {
        var application = SellerApplications.File(Guid.NewGuid(), Guid.NewGuid(), Request(), Now);
        var existing = new ExistingSeller("atelier-rhone-fils-sarl-732829320", "732829320");

        var (decided, seller, refusal) = SellerApplications.Decide(application, certify: true, reason: null, Now, existing);

        Assert.Null(decided);
        Assert.Null(seller);
        Assert.Contains("already sells here as atelier-rhone-fils-sarl-732829320", refusal, StringComparison.Ordinal);
        Assert.Equal(SellerApplication.Refused, SellerApplications.Decide(application, certify: false, "Déjà vendeur", Now, existing).Decided!.Status);
        Assert.NotNull(SellerApplications.WhyNotFile(existing));
        Assert.Null(SellerApplications.WhyNotFile(null));
    }

    [Fact]
    public void Ops_are_told_of_two_waiting_applications_for_one_company_or_of_one_for_a_company_that_sells_MP_01()
    {
        var first = SellerApplications.File(Guid.NewGuid(), Guid.NewGuid(), Request(), Now);
        var second = SellerApplications.File(Guid.NewGuid(), Guid.NewGuid(), Request("73282932000082"), Now); // same SIREN, another establishment
        var other = SellerApplications.File(Guid.NewGuid(), Guid.NewGuid(), Request("44306184100047"), Now);
        SellerApplication[] waiting = [first, second, other];

        Assert.Contains(second.Id.ToString(), SellerApplications.ConflictOf(first, null, waiting), StringComparison.Ordinal);
        Assert.Contains(first.Id.ToString(), SellerApplications.ConflictOf(second, null, waiting), StringComparison.Ordinal);
        Assert.Null(SellerApplications.ConflictOf(other, null, waiting));
        Assert.Contains("already sells here as x-443061841", SellerApplications.ConflictOf(other, new ExistingSeller("x-443061841", "443061841"), waiting),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_the_application_keeps_its_reason_makes_no_seller_and_ends_a_refusal_needs_a_reason()
    {
        var application = SellerApplications.File(Guid.NewGuid(), Guid.NewGuid(), Request(), Now);

        var (decided, seller, _) = SellerApplications.Decide(application, certify: false, reason: " Kbis de plus de trois mois ", Now);

        Assert.Null(seller);
        Assert.Equal((SellerApplication.Refused, "Kbis de plus de trois mois"), (decided!.Status, decided.Reason));
        Assert.Equal("This application was already refused.", SellerApplications.Decide(decided, certify: true, null, Now).Refusal);
        Assert.Equal(["reason"], SellerApplications.Validate(new SellerDecision(Certify: false, Reason: " ")).Keys);
        Assert.Equal(["certify"], SellerApplications.Validate(new SellerDecision(Certify: null, Reason: null)).Keys);
        Assert.Empty(SellerApplications.Validate(new SellerDecision(Certify: true, Reason: null)));
    }

    [Fact]
    public void A_product_of_the_seller_a_certification_made_is_publishable_MP_01()
    {
        var (_, seller, _) = SellerApplications.Decide(SellerApplications.File(Guid.NewGuid(), Guid.NewGuid(), Request(), Now), true, null, Now);
        var product = new Product("bol-gres", "Bol en grès", "Un bol.", "Grès", ["/bol.jpg"], "Maison/Table", 2400, Outlet: false, FinalSale: false,
            seller!.Id, Published: true, [new Sku("BOL-GRES", null, "Bleu")]);

        Assert.Null(Publication.WhyNotPublishable(product, seller));
        Assert.NotNull(Publication.WhyNotPublishable(product, seller with { Certified = false }));
    }
}
