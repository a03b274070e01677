using OrderPlatform.Shops;
using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderPlatform.Contracts;
using OrderPlatform.Ordering.Domain;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging.Persistence;
using OrderPlatform.ServiceDefaults.Security;

namespace OrderPlatform.Ordering.Features.PlaceOrder;

public static partial class PlaceOrderEndpoint
{
    public static RouteGroupBuilder MapPlaceOrder(this RouteGroupBuilder orders)
    {
        orders.MapPost("/", HandleAsync)
            .RequireAuthorization(PlatformAuthentication.Customer)
            .WithName("PlaceOrder")
            .WithSummary("Checkout: places an order, once per Idempotency-Key [ALL-06]")
            .WithDescription("Prices the lines with Catalog, applies at most one promo code, checks address, phone, delivery and payment "
                + "method, and appends OrderPlaced; stock, payment and notification follow through events. The same key and body "
                + "return the same order; the same key with another body is a 422. A relay point or post office must be one the carrier "
                + "lists near the delivery address's postal code. 503 when Catalog cannot price the basket or the carrier cannot be asked.");
        return orders;
    }

    private static async Task<Results<Accepted<OrderAccepted>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        PlaceOrderRequest request, [FromHeader(Name = CheckoutRecord.Header)] string? idempotencyKey, ClaimsPrincipal user,
        IDocumentSession session, CatalogPricing catalog, PickupPointCheck pickupPoints, OrderPolicy policy, TimeProvider time,
        ILogger<PlaceOrderRequest> logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > CheckoutRecord.MaxKeyLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [CheckoutRecord.Header] = [$"Send an {CheckoutRecord.Header} header (at most {CheckoutRecord.MaxKeyLength} characters), the same on every retry."],
            });
        }

        var customerId = user.CustomerId() ?? throw new InvalidOperationException("A customer token has a subject.");
        var recordId = CheckoutRecord.IdFor(customerId, idempotencyKey);
        var fingerprint = CheckoutRecord.FingerprintOf(request);
        if (await session.LoadAsync<CheckoutRecord>(recordId, cancellationToken) is { } done)
        {
            return Replay(done, fingerprint);
        }

        if (PlaceOrderValidation.StacksCodes(request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only one promo code per order: codes do not stack.");
        }

        var errors = PlaceOrderValidation.Validate(request, policy);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (pointInvalid, pointUnknown) = await pickupPoints.VerifyAsync(policy.DeliveryFor(request.Delivery!.Carrier, request.Delivery.Mode)!,
            request.Delivery.PickupPointId, AddressOf(request.DeliveryAddress!), cancellationToken);
        if (pointUnknown)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The pickup point cannot be checked right now.",
                detail: "Nothing was ordered and nothing will be charged. Try again in a moment with the same Idempotency-Key, or choose home delivery.");
        }

        if (pointInvalid is not null)
        {
            return TypedResults.ValidationProblem(pointInvalid);
        }

        var lines = request.Lines!.Select(line => new RequestedLine(line.Sku!, line.Quantity)).ToList();
        IReadOnlyDictionary<string, PricedSku> prices;
        try
        {
            (prices, errors) = await catalog.PriceAsync(lines, cancellationToken);
        }
        catch (CatalogUnavailableException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Prices cannot be checked right now.",
                detail: "Nothing was ordered and nothing will be charged. Try again in a moment with the same Idempotency-Key.");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Concurrent retries of one key, and concurrent uses of one code, wait for each other here.
        var code = PlaceOrderValidation.CodeOf(request);
        await AdvisoryLocks.LockAsync(session, code is null ? ["checkout:" + recordId] : ["checkout:" + recordId, "promo:" + code], cancellationToken);
        if (await session.LoadAsync<CheckoutRecord>(recordId, cancellationToken) is { } concurrent)
        {
            return Replay(concurrent, fingerprint);
        }

        var promo = code is null ? null : await session.LoadAsync<PromoCode>(code, cancellationToken);
        if (code is not null && promo is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["promoCode"] = ["This code does not exist."] });
        }

        var now = time.GetUtcNow();
        var (placed, refusal) = OrderPlacement.Decide(new Domain.PlaceOrder(Guid.CreateVersion7(now), customerId, lines, now, prices,
            policy.DeliveryFor(request.Delivery!.Carrier, request.Delivery.Mode)!, request.Delivery.PickupPointId?.Trim(),
            AddressOf(request.DeliveryAddress!), request.BillingAddress is null ? null : AddressOf(request.BillingAddress),
            new OrderPayment(request.Payment!.Method!, request.Payment.Token?.Trim(), request.Payment.GiftCardCode?.Trim(),
                request.Payment.UseStoreCredit == true && request.Payment.Method != PaymentMethods.StoreCredit), promo,
            policy.Estimate?.From(now, lines.Select(line => prices.GetValueOrDefault(line.Sku.Trim().ToUpperInvariant())?.ShipsWithinDays).Max())));
        if (placed is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["promoCode"] = [refusal!] });
        }

        session.Events.StartStream<Order>(placed.OrderId, placed);
        session.Insert(new CheckoutRecord(recordId, fingerprint, placed.OrderId, placed.OrderNumber, now, placed.EstimatedDelivery));
        if (promo is not null)
        {
            session.Store(PromoRules.Use(promo, placed.OrderId, customerId, now));
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another replica without the lock's protection (should not happen): the first one won.
            await using var reader = session.DocumentStore.QuerySession();
            return Replay((await reader.LoadAsync<CheckoutRecord>(recordId, cancellationToken))!, fingerprint);
        }

        LogPlaced(logger, placed.OrderNumber, placed.OrderId, placed.Lines.Count, placed.Amounts!.TotalCents);
        return TypedResults.Accepted($"/api/orders/{placed.OrderId}",
            new OrderAccepted(placed.OrderId, placed.OrderNumber, OrderStatus.Placed, placed.EstimatedDelivery));
    }

    private static Results<Accepted<OrderAccepted>, ValidationProblem, ProblemHttpResult> Replay(CheckoutRecord done, string fingerprint) =>
        done.Fingerprint == fingerprint
            ? TypedResults.Accepted($"/api/orders/{done.OrderId}", new OrderAccepted(done.OrderId, done.OrderNumber, OrderStatus.Placed, done.EstimatedDelivery))
            : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"This {CheckoutRecord.Header} was already used for another basket.",
                detail: "Use a new key for a new checkout; retry with the same key only to repeat the same request.");

    [LoggerMessage(LogLevel.Information, "Order {OrderNumber} ({OrderId}) placed: {Lines} line(s), {TotalCents} cents")]
    private static partial void LogPlaced(ILogger logger, string orderNumber, Guid orderId, int lines, long totalCents);

    public static PostalAddress AddressOf(AddressInput input) => new(input.FirstName?.Trim(), input.LastName?.Trim(), input.Line1!.Trim(),
        input.Line2?.Trim(), input.PostalCode!.Trim().ToUpperInvariant(), input.City!.Trim(), input.Country!.Trim().ToUpperInvariant(), input.Phone?.Trim());
}
