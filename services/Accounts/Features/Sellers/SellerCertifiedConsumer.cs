using Marten;
using OrderPlatform.Accounts.Domain;
using OrderPlatform.Contracts;
using OrderPlatform.Messaging;

namespace OrderPlatform.Accounts.Features.Sellers;

/// <summary>
/// A company is certified [MP-01]: the account that applied acts for the new seller from its next sign-in. The applicant signed in to apply,
/// so its account is always known here; one erased meanwhile, or acting for another seller, stays as it is (logged for operations), and so
/// does any applicant of a seller that already has people: they invite whom they choose.
/// </summary>
public sealed partial class SellerCertifiedConsumer(IDocumentStore store, TimeProvider time, ILogger<SellerCertifiedConsumer> logger)
    : IdempotentConsumer<SellerCertified>(store, time, logger)
{
    protected override async Task HandleAsync(SellerCertified message, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Store(new KnownSeller(message.SellerId, message.SellerName));
        if (message.ApplicantId == Guid.Empty)
        {
            return; // the demo catalogue's seller: nobody applied for it
        }

        if (await session.LoadAsync<Customer>(message.ApplicantId, cancellationToken) is not { } applicant)
        {
            LogNotJoined(message.SellerId, message.ApplicantId, "no such account");
            return;
        }

        var sellerHasPeople = await session.Query<Customer>()
            .AnyAsync(person => person.SellerId == message.SellerId && person.Id != applicant.Id, cancellationToken);
        var (person, refusal) = SellerPeople.JoinAsFirst(applicant, message.SellerId, sellerHasPeople);
        if (refusal is not null)
        {
            LogNotJoined(message.SellerId, message.ApplicantId, refusal);
            return;
        }

        session.Store(person!);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seller {SellerId} is certified but its applicant {ApplicantId} cannot act for it: {Reason}")]
    private partial void LogNotJoined(string sellerId, Guid applicantId, string reason);
}
