extern alias payment;

using OrderPlatform.Contracts;
using OrderPlatform.Shops.Documents;
using payment::OrderPlatform.Payment.Features.Sellers;
using UglyToad.PdfPig;
using payment::OrderPlatform.Payment.Domain;
using OrderPayment = payment::OrderPlatform.Payment.Domain.Payment;

namespace OrderPlatform.UnitTests.Payment;

/// <summary>What the platform owes each marketplace seller: sales less commission, refunds with the commission returned, payouts [MP-06, MP-10].</summary>
public sealed class SellerLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ShipmentId = Guid.NewGuid();

    /// <summary>Two aprons at 45.00 from the atelier (a 9.00 discount share), a bowl at 32.00 from the brocante.</summary>
    private static OrderPayment Paid() =>
        OrderPayment.Create(new PaymentRequested(Guid.NewGuid(), "CMD-7", Guid.NewGuid(),
            [new OrderedLine("1", "TABLIER", 2, 4500, 900, "Tablier", "atelier"), new OrderedLine("2", "BOL", 1, 3200, 0, "Bol", "brocante")], 0, 11300, "card", "tok",
            Now));

    private static int Rates(string sellerId) => sellerId == "atelier" ? 1500 : 1000;

    [Fact]
    public void A_shipment_credits_each_seller_its_shipped_units_less_its_commission_and_a_replacement_credits_nothing_MP_06()
    {
        var sales = SellerLedger.Sales(Paid(), new OrderShipped(Guid.Empty, ShipmentId, [new("1", "TABLIER", 1), new("2", "BOL", 1)], Now), Rates);

        var apron = sales.Single(sale => sale.SellerId == "atelier");
        var bowl = sales.Single(sale => sale.SellerId == "brocante");
        Assert.Equal((4050L, 608L, 3442L), (apron.AmountCents, apron.CommissionCents, apron.NetCents)); // 45.00 less half the 9.00 discount; 15 %
        Assert.Equal((3200L, 320L), (bowl.AmountCents, bowl.CommissionCents)); // 10 %
        Assert.Empty(SellerLedger.Sales(Paid(), new OrderShipped(Guid.Empty, ShipmentId, [new("2", "BOL", 1)], Now, Replacement: true), Rates));
        var shopsOwn = OrderPayment.Create(new PaymentRequested(Guid.NewGuid(), "CMD-8", Guid.NewGuid(),
            [new OrderedLine("1", "ROBE", 1, 5990, 0, "Robe", OrderedLine.House)], 0, 5990, "card", "tok", Now));
        Assert.Empty(SellerLedger.Sales(shopsOwn, new OrderShipped(Guid.Empty, ShipmentId, [new("1", "ROBE", 1)], Now), Rates)); // nobody to owe
        Assert.Empty(SellerLedger.Refunds(shopsOwn.Apply(new ShipmentRecorded(ShipmentId, [new("1", "ROBE", 1)], Now)),
            new RefundRequested(shopsOwn.Id, "return-2", 5990, RefundRequested.Original, "return", [new("1", "ROBE", 1)]), [], Rates, Now));
    }

    [Fact]
    public void A_refund_with_its_return_shipping_is_taken_from_the_seller_of_the_lines_and_the_commission_goes_back_at_the_sales_rate_MP_10()
    {
        var payment = Paid().Apply(new ShipmentRecorded(ShipmentId, [new("1", "TABLIER", 2), new("2", "BOL", 1)], Now));
        var sales = SellerLedger.Sales(payment, new OrderShipped(payment.Id, ShipmentId, [new("1", "TABLIER", 2), new("2", "BOL", 1)], Now), Rates);

        // The bowl came back broken: 32.00 and 5.90 of return shipping refunded; the brocante's rate has since gone up.
        var refunds = SellerLedger.Refunds(payment, new RefundRequested(payment.Id, "return-1", 3790, RefundRequested.Original, "return", [new("2", "BOL", 1)]),
            sales, _ => 2000, Now.AddDays(20));

        var bowl = Assert.Single(refunds);
        Assert.Equal(("brocante", -3790L, -379L), (bowl.SellerId, bowl.AmountCents, bowl.CommissionCents));
        var balance = SellerLedger.Balance("brocante", [.. sales.Where(sale => sale.SellerId == "brocante"), .. refunds]);
        Assert.Equal((3200L, 320L, 3790L, 379L, -531L), (balance.SalesCents, balance.CommissionCents, balance.RefundsCents, balance.CommissionReturnedCents,
            balance.BalanceCents)); // the seller owes the return shipping of its broken bowl
    }

    [Fact]
    public void A_refund_naming_no_line_is_shared_by_value_over_the_shipped_lines_to_the_cent_MP_10()
    {
        var payment = Paid().Apply(new ShipmentRecorded(ShipmentId, [new("1", "TABLIER", 2), new("2", "BOL", 1)], Now));

        var refunds = SellerLedger.Refunds(payment, new RefundRequested(payment.Id, "claim-1", 1001, RefundRequested.Original, "claim:damaged"), [], Rates, Now);

        Assert.Equal(1001, -refunds.Sum(refund => refund.AmountCents));
        Assert.Equal(["atelier", "brocante"], refunds.Select(refund => refund.SellerId));
        Assert.Equal(-283, refunds[1].AmountCents); // 3200 of 11300, rounded down; the cent left over goes to the first line
    }

    [Fact]
    public void A_payout_is_never_more_than_the_seller_is_owed_and_lowers_the_balance()
    {
        Assert.NotNull(SellerLedger.PayOut("atelier", Guid.NewGuid(), 5000, "VIR-1", 4999, Now).Refusal);
        Assert.NotNull(SellerLedger.PayOut("atelier", Guid.NewGuid(), 0, "VIR-1", 4999, Now).Refusal);
        var (payout, _) = SellerLedger.PayOut("atelier", Guid.NewGuid(), 4000, "VIR-1", 4999, Now);

        Assert.Equal((4000L, -4000L), (SellerLedger.Balance("atelier", [payout!]).PayoutsCents, payout!.NetCents));
    }

    [Fact]
    public void The_statement_csv_reads_in_a_french_spreadsheet_and_no_reference_becomes_a_formula()
    {
        var sale = new SellerLedgerEntry("sale/1", "atelier", SellerLedgerEntry.Sale, Guid.NewGuid(), "CMD-7", "1", 4050, 608, 1500, Now, "=HYPERLINK(\"x\")");

        var csv = SellerLedger.Csv(SellerLedger.Balance("atelier", [sale]), [sale]);

        Assert.StartsWith("date;type;commande;ligne;montant;commission;net;référence\n2026-11-26;sale;CMD-7;1;40,50;6,08;34,42;\"'=HYPERLINK(\"\"x\"\")\"\n", csv,
            StringComparison.Ordinal);
        Assert.Contains("solde 34,42", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_statement_pdf_gives_the_totals_first_and_every_line_forty_to_a_page()
    {
        var entries = Enumerable.Range(1, 45).Select(i =>
            new SellerLedgerEntry($"sale/{i}", "atelier", SellerLedgerEntry.Sale, Guid.NewGuid(), $"CMD-{i}", "1", 1000, 150, 1500, Now, "shipment")).ToList();
        var statement = new SellerStatement("atelier", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), SellerLedger.Balance("atelier", entries), entries);

        using var pdf = PdfDocument.Open(SellerStatementPdf.Render(statement, DocumentFonts.From(null)));

        Assert.Equal(2, pdf.NumberOfPages);
        var first = string.Join(' ', pdf.GetPage(1).GetWords().Select(word => word.Text));
        Assert.Contains("30/11/2026", first, StringComparison.Ordinal);
        Assert.Contains("382,50", first, StringComparison.Ordinal); // 45 × 8.50 owed
        Assert.Contains("CMD-45", string.Join(' ', pdf.GetPage(2).GetWords().Select(word => word.Text)), StringComparison.Ordinal);
    }
}
