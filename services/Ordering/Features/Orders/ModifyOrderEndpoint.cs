using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.Ordering.Features.OrderProcess;
using OrderPlatform.Ordering.Features.PlaceOrder;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.Orders;

/// <summary>What the customer changes: line quantities (lower, 0 takes a line out), and/or the delivery address, and/or the delivery.</summary>
public sealed record OrderModificationRequest(IReadOnlyList<ModifiedLine>? Lines, AddressInput? DeliveryAddress, DeliveryInput? Delivery);

public sealed record ModifiedLine(string? LineId, int Quantity);

/// <summary>Where the shop allows it (japan-import), the customer changes the order until it goes to logistics [JI-06].</summary>
public static class ModifyOrderEndpoint
{
    public static RouteGroupBuilder MapOrderModification(this RouteGroupBuilder orders)
    {
        orders.MapPost("/{orderId:guid}/modification", ModifyAsync).RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("ModifyOrder")
            .WithSummary("Change the order before it goes to logistics: fewer items, another address, delivery or relay point [JI-06]; 409 after")
            .WithDescription("Re-priced; a change costing more than was paid is refused (order again), and the difference is given back to the "
                + "method that paid. The order keeps the history of its changes.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return orders;
    }

    private static async Task<Results<Ok<OrderView>, NotFound, ValidationProblem, ProblemHttpResult>> ModifyAsync(Guid orderId, OrderModificationRequest request,
        ClaimsPrincipal user, IDocumentStore store, PickupPointCheck pickupPoints, OrderPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        Order? current;
        await using (var query = store.QuerySession())
        {
            current = await query.LoadAsync<Order>(orderId, cancellationToken);
        }

        if (current is null || current.CustomerId != user.CustomerId())
        {
            return TypedResults.NotFound();
        }

        var (change, invalid) = Read(request, current, policy);
        if (invalid.Count > 0)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        var option = change!.Delivery ?? policy.DeliveryFor(current.Delivery?.Carrier, current.Delivery?.Mode);
        if (option is not null && (change.Delivery is not null || change.DeliveryAddress is not null))
        {
            var (pointInvalid, pointUnknown) = await pickupPoints.VerifyAsync(option, change.PickupPointId ?? current.Delivery?.PickupPointId,
                change.DeliveryAddress ?? current.DeliveryAddress!, cancellationToken);
            if (pointUnknown)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The pickup point cannot be checked right now.",
                    detail: "Nothing was changed. Try again in a moment.");
            }

            if (pointInvalid is not null)
            {
                return TypedResults.ValidationProblem(pointInvalid);
            }
        }

        var (order, refusal) = await OrderStreams.DecideAndSaveAsync(store, orderId,
            order => OrderModifications.Modify(order, change, time.GetUtcNow(), policy), cancellationToken);
        return order is null ? TypedResults.NotFound()
            : refusal is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This order cannot be changed so.", detail: refusal)
            : TypedResults.Ok(OrderView.Of(order));
    }

    /// <summary>The change as the domain takes it, or the request's field errors.</summary>
    private static (OrderChange? Change, Dictionary<string, string[]> Invalid) Read(OrderModificationRequest request, Order order, OrderPolicy policy)
    {
        var invalid = new Dictionary<string, string[]>();
        var lines = request.Lines ?? [];
        if (lines.Count == 0 && request.DeliveryAddress is null && request.Delivery is null)
        {
            invalid["lines"] = ["Say what changes: lines (fewer items), deliveryAddress or delivery."];
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i].LineId) || lines.Count(line => line.LineId == lines[i].LineId) > 1)
            {
                invalid[$"lines[{i}].lineId"] = ["Each line of the order once, by its lineId."];
            }
            else if (lines[i].Quantity < 0)
            {
                invalid[$"lines[{i}].quantity"] = ["0 (take the line out) or more."];
            }
        }

        DeliveryOption? option = null;
        PostalAddress? address = null;
        if (request.DeliveryAddress is not null || request.Delivery is not null)
        {
            var delivery = request.Delivery ?? new DeliveryInput(order.Delivery?.Carrier, order.Delivery?.Mode, order.Delivery?.PickupPointId);
            var addressInput = request.DeliveryAddress ?? InputOf(order.DeliveryAddress!);
            foreach (var (field, errors) in PlaceOrderValidation.ValidateDelivery(addressInput, delivery, policy))
            {
                invalid[field] = errors;
            }

            if (invalid.Count == 0)
            {
                option = request.Delivery is null ? null : policy.DeliveryFor(delivery.Carrier, delivery.Mode);
                address = request.DeliveryAddress is null ? null : PlaceOrderEndpoint.AddressOf(addressInput);
            }
        }

        return invalid.Count > 0
            ? (null, invalid)
            : (new OrderChange(lines.ToDictionary(line => line.LineId!, line => line.Quantity), address, option, request.Delivery?.PickupPointId?.Trim()), invalid);
    }

    private static AddressInput InputOf(PostalAddress address) =>
        new(address.FirstName, address.LastName, address.Line1, address.Line2, address.PostalCode, address.City, address.Country, address.Phone);
}
