using OrderPlatform.Shops.Documents;
using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Ordering.Features.OrderProcess;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Ordering.Features.Invoices;

/// <summary>
/// What an invoice is issued with, all read under the series' lock: its number and date, and the order's
/// invoices so far (the first one carries the shipping fee; a credit note refers to the last one).
/// </summary>
public sealed record InvoiceNumbering(string Number, DateTimeOffset IssuedAt, bool FirstInvoice, string? LastInvoice);

/// <summary>
/// Issues invoices and credit notes: the next number of the series, taken under a lock in the same
/// transaction as the invoice, so numbers are unique, chronological and without gaps; then the
/// <see cref="InvoiceIssued"/> event on the order's stream, which the outbox publishes with the PDF.
/// Whether it is the order's first invoice is decided under that lock too, so two captures of one
/// order handled at once never both charge the shipping fee.
/// </summary>
public sealed class InvoiceIssuer(Seller seller, DocumentFonts fonts, TimeProvider time)
{
    /// <summary>
    /// Stages on the session the invoice <paramref name="create"/> makes with the next number and the issue
    /// date, both taken under the series' lock so that numbers follow dates.
    /// </summary>
    public async Task<Invoice> IssueAsync(IDocumentSession session, Order order, string kind, Func<InvoiceNumbering, Invoice> create,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(create);
        // The order's lock first (as every writer of the order), then the series': the invoice's event is appended to the order as
        // it now is, and a refund recorded meanwhile is not undone in the order's snapshot (seen under eng/chaos).
        await OrderStreams.LockAsync(session, order.Id, cancellationToken);
        var stream = await session.Events.FetchForWriting<Order>(order.Id, cancellationToken);
        var seriesId = Invoice.SeriesFor(kind, time.GetUtcNow().Year);
        await AdvisoryLocks.LockAsync(session, ["invoice-series:" + seriesId], cancellationToken);
        var now = time.GetUtcNow();
        var series = await session.LoadAsync<InvoiceSeries>(seriesId, cancellationToken) ?? new InvoiceSeries(seriesId, 0);
        // Both captures of one order take this series' lock: the second sees the first's invoice, committed.
        var last = (await session.Query<Invoice>().Where(invoice => invoice.OrderId == order.Id && invoice.Kind == Invoice.InvoiceKind)
            .OrderByDescending(invoice => invoice.IssuedAt).FirstOrDefaultAsync(cancellationToken))?.Number;
        var invoice = create(new InvoiceNumbering(Invoice.NumberFor(kind, now.Year, series.Last + 1), now, last is null, last));
        session.Store(series with { Last = series.Last + 1 });
        session.Insert(invoice);
        stream.AppendOne(new InvoiceIssued(order.Id, order.OrderNumber, order.CustomerId, invoice.Number, invoice.Kind, invoice.ShipmentId,
            invoice.TotalCents, invoice.IssuedAt, Render([invoice])));
        return invoice;
    }

    public byte[] Render(IReadOnlyList<Invoice> invoices) => InvoicePdf.Render(invoices, seller, fonts);
}
