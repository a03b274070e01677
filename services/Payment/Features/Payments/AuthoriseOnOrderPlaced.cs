using OrderPlatform.Shops;
using Marten;
using OrderPlatform.Contracts;
using OrderPlatform.Payment.Domain;
using OrderPlatform.Payment.Prepaid;
using OrderPlatform.Payment.Psp;
using OrderPlatform.ServiceDefaults;
using OrderPlatform.Messaging;

namespace OrderPlatform.Payment.Features.Payments;

/// <summary>
/// A placed order is authorised for its full amount with the PSP token the storefront sent (never a card
/// number, FR-29), as the order's customer (a token another customer saved, or a one-time token already spent, is refused:
/// <c>invalid-payment-token</c>): then <see cref="PaymentAuthorized"/>, or <see cref="PaymentRefused"/> with a decline code
/// per reason and no charge [FR-27, JI-03].
/// </summary>
public sealed partial class AuthoriseOnOrderPlaced(IDocumentStore store, TimeProvider time, IPaymentProvider psp, PrepaidProvider prepaid,
    PaymentPolicy policy, ILogger<AuthoriseOnOrderPlaced> logger) : IdempotentConsumer<OrderPlaced>(store, time, logger)
{
    private readonly TimeProvider time = time;
    private readonly ILogger<AuthoriseOnOrderPlaced> logger = logger;

    protected override async Task HandleAsync(OrderPlaced message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await PaymentStreams.FetchAsync(session, message.OrderId, cancellationToken);
        if (stream.Aggregate is not null || message.Amounts is not { } amounts || message.Payment is not { } payment)
        {
            return; // already handled, or an order from before checkout priced it
        }

        var now = time.GetUtcNow();
        stream.AppendOne(new PaymentRequested(message.OrderId, message.OrderNumber, message.CustomerId, message.Lines, amounts.ShippingFeeCents,
            amounts.TotalCents, payment.Method, payment.Token, now));
        var decided = await AuthoriseAsync(message, amounts, payment, now, cancellationToken);
        stream.AppendMany(decided);
        if (decided.OfType<PaymentRefused>().FirstOrDefault() is { } refused)
        {
            LogRefused(message.OrderNumber, payment.Method, refused.DeclineCode);
        }
        else
        {
            LogAuthorised(message.OrderNumber, payment.Method, decided.OfType<PaymentAuthorized>().Single().AmountCents);
        }
    }

    private async Task<IReadOnlyList<object>> AuthoriseAsync(OrderPlaced order, OrderAmounts amounts, OrderPayment payment, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!policy.Methods.Contains(payment.Method))
        {
            return [new PaymentRefused(order.OrderId, "method-not-accepted")];
        }

        // Store credit and gift cards are paid from Payment's own ledgers, chosen here from the order's customer or the card's code
        // (never from a client's token); cards and wallets with the PSP form's token.
        var prepaidAccount = payment.Method switch
        {
            PaymentMethods.StoreCredit => PrepaidAccount.StoreCreditOf(order.CustomerId),
            PaymentMethods.GiftCard => PrepaidAccount.GiftCardOf(payment.GiftCardCode ?? ""),
            _ => null,
        };
        var (creditHold, credit) = (default(string), 0L);
        if (payment.UseStoreCredit && PaymentMethods.NeedsPspToken(payment.Method) && policy.Methods.Contains(PaymentMethods.StoreCredit))
        {
            // Store credit pays first [FR-25]: all of it when it is enough, else what it holds and the card the rest.
            var account = PrepaidAccount.StoreCreditOf(order.CustomerId);
            var balance = await prepaid.BalanceAsync(account, cancellationToken);
            if (balance >= amounts.TotalCents)
            {
                prepaidAccount = account;
            }
            else if (balance > 0
                     && await prepaid.AuthoriseAsync(account, order.CustomerId, balance, order.OrderId.ToString(), $"authorise-credit-{order.OrderId:N}",
                         cancellationToken) is { DeclineCode: null } hold)
            {
                (creditHold, credit) = (hold.PaymentId, balance);
            }
        }

        var (pspResult, refusal) = prepaidAccount is not null
            ? DeclineOf(await prepaid.AuthoriseAsync(prepaidAccount, order.CustomerId, amounts.TotalCents, order.OrderId.ToString(),
                $"authorise-{order.OrderId:N}", cancellationToken))
            : await AuthoriseAtPspAsync(order, payment, amounts.TotalCents - credit, cancellationToken);
        if (pspResult is null)
        {
            if (creditHold is not null)
            {
                await psp.VoidAsync(creditHold, $"void-credit-{order.OrderId:N}", cancellationToken);
            }

            return [new PaymentRefused(order.OrderId, refusal ?? "declined")];
        }

        return
        [
            new AuthorisationObtained(pspResult.PaymentId, pspResult.AuthorizedCents + credit, pspResult.AuthorizationExpiresAt, pspResult.Brand,
                pspResult.Last4, now, creditHold, credit),
            new PaymentAuthorized(order.OrderId, pspResult.AuthorizedCents + credit, payment.Method, now, pspResult.AuthorizationExpiresAt),
        ];
    }

    private static (PspResult? Result, string? Refusal) DeclineOf(PspResult result) =>
        result.DeclineCode is { } decline ? (null, decline) : (result, null);

    /// <summary>Authorises what the store credit does not cover with the PSP form's token: the PSP's answer, or the decline code.</summary>
    private async Task<(PspResult? Result, string? Refusal)> AuthoriseAtPspAsync(OrderPlaced order, OrderPayment payment, long amountCents,
        CancellationToken cancellationToken)
    {
        PspResult result;
        try
        {
            result = await psp.AuthoriseAsync(payment.Token ?? "", amountCents, order.OrderId.ToString(), order.CustomerId.ToString(),
                $"authorise-{order.OrderId:N}", cancellationToken);
        }
        catch (PspRefusedException refused)
        {
            LogRefusedToken(order.OrderNumber, refused.Code);
            return (null, "invalid-payment-token");
        }

        if (result.DeclineCode is { } decline)
        {
            return (null, decline);
        }

        var paidByCard = payment.Method == PaymentMethods.Card;
        if (paidByCard && (result.Brand is null || !policy.CardBrands.Contains(result.Brand)))
        {
            await psp.VoidAsync(result.PaymentId, $"void-brand-{order.OrderId:N}", cancellationToken);
            return (null, "card-brand-not-accepted");
        }

        if (paidByCard && policy.CardCountries is { } countries && !countries.Contains(result.Country ?? ""))
        {
            // Cards issued in France only [FR-25]: the hold on a foreign card is released at once.
            await psp.VoidAsync(result.PaymentId, $"void-country-{order.OrderId:N}", cancellationToken);
            return (null, "card-issued-abroad");
        }

        return (result, null);
    }

    [LoggerMessage(LogLevel.Warning, "The PSP refused the token of order {OrderNumber} ({Code})")]
    private partial void LogRefusedToken(string orderNumber, string code);

    [LoggerMessage(LogLevel.Information, "Order {OrderNumber}: {Method} payment of {AmountCents} cents authorised")]
    private partial void LogAuthorised(string orderNumber, string method, long amountCents);

    [LoggerMessage(LogLevel.Information, "Order {OrderNumber}: {Method} payment refused ({DeclineCode})")]
    private partial void LogRefused(string orderNumber, string method, string declineCode);
}
