using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Returns.Domain;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Returns.Features.Returns;

/// <summary>
/// On the marketplace a return of a seller's items goes to the seller first [MP-10]: the seller sees its returns and receives them (accepting
/// or refusing each line with a note, as the warehouse does); operations can step in with the warehouse's reception. Another seller's return
/// is unknown here (404).
/// </summary>
public static class SellerReturnEndpoints
{
    public static RouteGroupBuilder MapSellerReturns(this RouteGroupBuilder returns)
    {
        var seller = returns.MapGroup("/seller").RequireAuthorization(PlatformAuthentication.Seller);
        seller.MapGet("/", ListAsync).WithName("ListMySellerReturns").WithSummary("Returns of my items, newest first [MP-10]");
        seller.MapGet("/{returnId}", GetAsync).WithName("GetMySellerReturn").WithSummary("One return of my items [MP-10]");
        seller.MapPost("/{returnId}/reception", ReceiveAsync).WithName("ReceiveMySellerReturn")
            .WithSummary("The parcel reached me: accept or refuse each line with a note; accepted lines are refunded, return shipping included where due [MP-10]")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return returns;
    }

    private static async Task<Ok<IReadOnlyList<ReturnView>>> ListAsync(ClaimsPrincipal user, IQuerySession session, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var sellerId = user.SellerId()!;
        var orders = await session.Query<ReturnableOrder>().Where(order => order.Lines.Any(line => line.SellerId == sellerId))
            .OrderByDescending(order => order.Id).Take(500).ToListAsync(cancellationToken);
        var returns = await session.LoadManyAsync<CustomerReturn>(cancellationToken, orders.SelectMany(order => order.Returns).Distinct().ToArray());
        var byOrder = orders.ToDictionary(order => order.Id);
        return TypedResults.Ok<IReadOnlyList<ReturnView>>(returns
            .Where(item => byOrder[item.OrderId].SellerOf(item.Lines.Select(line => line.LineId)) == sellerId)
            .OrderByDescending(item => item.RequestedAt).Take(200).Select(ReturnView.Of).ToList());
    }

    private static async Task<Results<Ok<ReturnView>, NotFound>> GetAsync(string returnId, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellationToken) =>
        await SellersReturnAsync(session, returnId, user.SellerId()!, cancellationToken) is { } found ? TypedResults.Ok(ReturnView.Of(found)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ReturnView>, NotFound, ValidationProblem, ProblemHttpResult>> ReceiveAsync(string returnId, ReceptionRequest request,
        ClaimsPrincipal user, IDocumentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (var session = store.QuerySession())
        {
            if (await SellersReturnAsync(session, returnId, user.SellerId()!, cancellationToken) is null)
            {
                return TypedResults.NotFound();
            }
        }

        return await ReceptionEndpoints.ReceiveAsync(Guid.Parse(returnId), request, store, time, cancellationToken);
    }

    private static async Task<CustomerReturn?> SellersReturnAsync(IQuerySession session, string returnId, string sellerId, CancellationToken cancellationToken) =>
        Guid.TryParse(returnId, out var id) && await session.LoadAsync<CustomerReturn>(id, cancellationToken) is { } found
        && await session.LoadAsync<ReturnableOrder>(found.OrderId, cancellationToken) is { } order
        && order.SellerOf(found.Lines.Select(line => line.LineId)) == sellerId
            ? found
            : null;
}
