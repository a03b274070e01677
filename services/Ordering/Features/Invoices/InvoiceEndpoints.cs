using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.Invoices;

public static class InvoiceEndpoints
{
    public static RouteGroupBuilder MapInvoices(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{orderId:guid}/invoice", GetAsync)
            .RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("GetOrderInvoice")
            .WithSummary("The order's invoices and credit notes as one PDF, a page each [FR-30]; 404 until the first is issued")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return orders;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetAsync(
        Guid orderId, ClaimsPrincipal user, IQuerySession session, InvoiceIssuer issuer, CancellationToken cancellationToken)
    {
        // The owner only: another customer's order answers as a missing one [ALL-05].
        if (await session.LoadAsync<Order>(orderId, cancellationToken) is not { } order || order.CustomerId != user.CustomerId())
        {
            return TypedResults.NotFound();
        }

        var invoices = await session.Query<Invoice>().Where(invoice => invoice.OrderId == orderId).OrderBy(invoice => invoice.IssuedAt)
            .ToListAsync(cancellationToken);
        if (invoices.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No invoice yet",
                detail: "The invoice is issued when the order is charged or ships.");
        }

        return TypedResults.File(issuer.Render(invoices), "application/pdf", $"facture-{order.OrderNumber}.pdf");
    }
}
