using OrderPlatform.ServiceDefaults.Documents;
using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults.Persistence;

namespace OrderPlatform.Ordering.Features.Invoices;

/// <summary>
/// Issues invoices and credit notes: the next number of the series, taken under a lock in the same
/// transaction as the invoice, so numbers are unique, chronological and without gaps; then the
/// <see cref="InvoiceIssued"/> event on the order's stream, which the outbox publishes with the PDF.
/// </summary>
public sealed class InvoiceIssuer(Seller seller, DocumentFonts fonts, TimeProvider time)
{
    /// <summary>
    /// Stages on the session the invoice <paramref name="create"/> makes with the next number and the issue
    /// date, both taken under the series' lock so that numbers follow dates.
    /// </summary>
    public async Task<Invoice> IssueAsync(IDocumentSession session, Order order, string kind, Func<string, DateTimeOffset, Invoice> create,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(create);
        var seriesId = Invoice.SeriesFor(kind, time.GetUtcNow().Year);
        await AdvisoryLocks.LockAsync(session, ["invoice-series:" + seriesId], cancellationToken);
        var now = time.GetUtcNow();
        var series = await session.LoadAsync<InvoiceSeries>(seriesId, cancellationToken) ?? new InvoiceSeries(seriesId, 0);
        var invoice = create(Invoice.NumberFor(kind, now.Year, series.Last + 1), now);
        session.Store(series with { Last = series.Last + 1 });
        session.Insert(invoice);
        session.Events.Append(order.Id, new InvoiceIssued(order.Id, order.OrderNumber, order.CustomerId, invoice.Number, invoice.Kind, invoice.ShipmentId,
            invoice.TotalCents, invoice.IssuedAt, Render([invoice])));
        return invoice;
    }

    public byte[] Render(IReadOnlyList<Invoice> invoices) => InvoicePdf.Render(invoices, seller, fonts);
}
