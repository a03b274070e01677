using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderPlatform.Sandboxes.Psp;

/// <param name="Customer">The shop's reference for the customer saving this card: only their payments may use it. Without one, the token pays once.</param>
public sealed record TokenRequest(string? CardNumber, int? ExpMonth, int? ExpYear, string? Cvc, string? Wallet, string? Customer = null);

/// <param name="Country">The issuing bank's country, for cards (ISO 3166).</param>
public sealed record TokenView(string Token, string Method, string? Brand, string? Last4, string? Country = null);

public sealed record AuthorisationRequest(string? Token, long AmountCents, string? Currency, string? Reference, string? Customer = null);

public sealed record AmountRequest(long AmountCents);

public sealed record FaultRequest(string? Kind, int Count, int DelayMilliseconds);

/// <summary>
/// The sandbox PSP, Stripe-like: tokenisation (the card number stops here), authorise, capture (partial,
/// several), void, refund (partial, several), re-authorise, each honouring its <c>Idempotency-Key</c>;
/// its own ledger to reconcile against; and a control API that scripts faults and moves its clock.
/// </summary>
public static class PspEndpoints
{
    private static readonly string[] Wallets = ["paypal", "revolut-pay", "klarna", "link"];

    public static void MapPsp(this WebApplication app)
    {
        var psp = app.MapGroup("/psp").WithTags("PSP sandbox");
        psp.MapPost("/tokens", Tokenise);
        var payments = psp.MapGroup("/payments").AddEndpointFilter(ApplyFaultsAsync);
        payments.MapPost("/", Authorise);
        payments.MapPost("/{id}/capture", (string id, AmountRequest request, HttpContext http, PspLedger ledger) =>
            Operate(id, http, ledger, $"capture:{request.AmountCents}", payment => PspOperations.Capture(payment, request.AmountCents, ledger.Now)));
        payments.MapPost("/{id}/void", (string id, HttpContext http, PspLedger ledger) =>
            Operate(id, http, ledger, "void", payment => PspOperations.Void(payment, ledger.Now)));
        payments.MapPost("/{id}/refunds", (string id, AmountRequest request, HttpContext http, PspLedger ledger) =>
            Operate(id, http, ledger, $"refund:{request.AmountCents}", payment => PspOperations.Refund(payment, request.AmountCents, ledger.Now)));
        payments.MapPost("/{id}/reauthorize", (string id, HttpContext http, PspLedger ledger) =>
            Operate(id, http, ledger, "reauthorize", payment => PspOperations.Reauthorise(payment, ledger.Token(payment.Token)!, ledger.Now)));
        payments.MapGet("/{id}", Results<Ok<PspPayment>, NotFound> (string id, PspLedger ledger) =>
            ledger.Payment(id) is { } payment ? TypedResults.Ok(payment) : TypedResults.NotFound());
        psp.MapGet("/payments", (string? reference, PspLedger ledger) => TypedResults.Ok(ledger.Payments(reference)));

        var control = psp.MapGroup("/control").WithTags("PSP sandbox control");
        control.MapPost("/faults", Results<NoContent, ValidationProblem> (FaultRequest request, PspLedger ledger) =>
        {
            if (request.Kind is null || !PspFault.Kinds.Contains(request.Kind) || request.Count < 1)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"One of {string.Join(", ", PspFault.Kinds)}, count ≥ 1."] });
            }

            ledger.Script(new PspFault(request.Kind, request.Count, request.DelayMilliseconds));
            return TypedResults.NoContent();
        });
        control.MapPut("/clock", (ClockRequest request, PspLedger ledger) =>
        {
            ledger.ClockOffset = TimeSpan.FromHours(request.OffsetHours);
            return TypedResults.NoContent();
        });
        control.MapPost("/reset", (PspLedger ledger) =>
        {
            ledger.Reset();
            return TypedResults.NoContent();
        });
    }

    public sealed record ClockRequest(double OffsetHours);

    private static Results<Created<TokenView>, ValidationProblem> Tokenise(TokenRequest request, PspLedger ledger)
    {
        if (request.Wallet is { } wallet)
        {
            if (!Wallets.Contains(wallet))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["wallet"] = [$"One of {string.Join(", ", Wallets)}."] });
            }

            var walletToken = ledger.Tokenise(wallet, null, null, request.Customer);
            return TypedResults.Created($"/psp/tokens/{walletToken.Token}", new TokenView(walletToken.Token, wallet, null, null));
        }

        var digits = new string((request.CardNumber ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is < 12 or > 19 || request.ExpMonth is not (>= 1 and <= 12) || request.ExpYear is null || string.IsNullOrWhiteSpace(request.Cvc))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["card"] = ["cardNumber (12 to 19 digits), expMonth, expYear and cvc are required, or a wallet."],
            });
        }

        var card = PspCards.For(digits);
        var token = ledger.Tokenise("card", card, digits[^4..], request.Customer);
        return TypedResults.Created($"/psp/tokens/{token.Token}", new TokenView(token.Token, "card", token.Brand, token.Last4, card.Country));
    }

    private static IResult Authorise(AuthorisationRequest request, HttpContext http, PspLedger ledger)
    {
        if (request.AmountCents <= 0 || string.IsNullOrWhiteSpace(request.Reference) || ledger.Token(request.Token ?? "") is not { } token)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["payment"] = ["A known token, a positive amountCents and a reference are required."],
            });
        }

        var (answer, conflict) = ledger.Once(Key(http), $"authorise:{request.Token}:{request.AmountCents}:{request.Reference}:{request.Customer}", () =>
        {
            if (ledger.Use(token, request.Customer, request.Reference!) is { } misuse)
            {
                return new PspRefusal(misuse, misuse == "token_already_used"
                    ? "This token was already used for another payment: ask the payment form for a new one."
                    : "This token belongs to another customer.");
            }

            var payment = PspOperations.Authorise("pay_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant(), token,
                request.AmountCents, request.Reference!, ledger.Now);
            ledger.Save(payment);
            return payment;
        });
        return conflict ? IdempotencyConflict()
            : answer is PspRefusal refused ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused.Message, type: refused.Code,
                extensions: new Dictionary<string, object?> { ["code"] = refused.Code })
            : TypedResults.Ok(ledger.Payment(((PspPayment)answer).Id));
    }

    private static IResult Operate(string id, HttpContext http, PspLedger ledger, string operation,
        Func<PspPayment, (PspPayment? Payment, PspRefusal? Refusal)> act)
    {
        if (ledger.Payment(id) is null)
        {
            return TypedResults.NotFound();
        }

        var (answer, conflict) = ledger.Once(Key(http), $"{id}:{operation}", () =>
        {
            var (changed, refusal) = act(ledger.Payment(id)!);
            if (changed is not null)
            {
                ledger.Save(changed);
            }

            return (object?)refusal ?? changed!;
        });
        return conflict ? IdempotencyConflict()
            : answer is PspRefusal refused ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: refused.Message, type: refused.Code,
                extensions: new Dictionary<string, object?> { ["code"] = refused.Code })
            : TypedResults.Ok((PspPayment)answer);
    }

    private static string? Key(HttpContext http) => http.Request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } key ? key : null;

    private static IResult IdempotencyConflict() => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "This Idempotency-Key was used for another request.", extensions: new Dictionary<string, object?> { ["code"] = "idempotency_key_reused" });

    /// <summary>
    /// Scripted faults: "error" fails before doing anything; "timeout" does the operation and then answers too late for
    /// the caller (a lost answer, so a retry must not charge twice); "slow" answers after a delay; "refuse" is the
    /// issuer's refusal, as final as a decline.
    /// </summary>
    private static async ValueTask<object?> ApplyFaultsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var ledger = context.HttpContext.RequestServices.GetRequiredService<PspLedger>();
        if (context.HttpContext.Request.Method == HttpMethods.Get || ledger.TakeFault(context.HttpContext.Request.Path) is not { } fault)
        {
            return await next(context);
        }

        switch (fault.Kind)
        {
            case "error":
                return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "PSP internal error (scripted)");
            case "refuse":
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The issuer refused the operation (scripted)",
                    extensions: new Dictionary<string, object?> { ["code"] = "do_not_honor" });
            case "slow":
                await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMilliseconds), ledger.Time, context.HttpContext.RequestAborted);
                return await next(context);
            default:
                var result = await next(context);
                await Task.Delay(TimeSpan.FromSeconds(30), ledger.Time, context.HttpContext.RequestAborted);
                return result;
        }
    }
}
