extern alias conversations;

using conversations::OrderPlatform.Conversations.Domain;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Conversations;

/// <summary>Buyer–seller conversations [MP-09] and reports [MP-11]: who may see them, where they go, how a report's life moves on and ends.</summary>
public sealed class MarketplaceConversationTests
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(48);
    private static readonly TimeSpan ReplyWithin = TimeSpan.FromDays(14);

    /// <summary>The dress from the atelier, the jeans from the brocante.</summary>
    private static BuyersOrder TwoSellers() => new(Guid.NewGuid(), "FR-2026-000042", ["atelier", "brocante"]);

    /// <summary>Two lines of the atelier's, one of the shop's own.</summary>
    private static BuyersOrder OneSeller() => new(Guid.NewGuid(), "FR-2026-000043", ["atelier", "atelier", null]);

    [Fact]
    public void A_buyer_writes_about_an_order_to_its_only_seller_or_to_the_one_it_names_MP_09()
    {
        Assert.Equal("atelier", ConversationRules.AboutOrder(OneSeller(), null).Subject!.SellerId);
        Assert.Equal("brocante", ConversationRules.AboutOrder(TwoSellers(), "brocante").Subject!.SellerId);
        Assert.Contains("several sellers", ConversationRules.AboutOrder(TwoSellers(), null).Refusal, StringComparison.Ordinal);
        Assert.NotNull(ConversationRules.AboutOrder(TwoSellers(), "verrerie").Refusal); // not a seller of this order
    }

    [Fact]
    public void A_conversation_is_seen_by_its_buyer_its_sellers_people_and_operations_only_MP_09_ALL_05()
    {
        var first = new ConversationMessage(Guid.NewGuid(), ConversationMessage.Buyer, CustomerId, "Le tissu est-il lavable ?", Now);
        var conversation = ConversationRules.Start(Guid.NewGuid(), CustomerId, ConversationRules.AboutOrder(OneSeller(), null).Subject!, first);

        Assert.Equal(ConversationMessage.Buyer, ConversationRules.SideOf(conversation, CustomerId, null, ops: false));
        Assert.Equal(ConversationMessage.Seller, ConversationRules.SideOf(conversation, Guid.NewGuid(), "atelier", ops: false));
        Assert.Equal(ConversationMessage.Ops, ConversationRules.SideOf(conversation, Guid.NewGuid(), null, ops: true));
        Assert.Null(ConversationRules.SideOf(conversation, Guid.NewGuid(), "brocante", ops: false));
        Assert.Null(ConversationRules.SideOf(conversation, Guid.NewGuid(), null, ops: false));
    }

    [Fact]
    public void An_erased_buyers_words_and_photos_go_the_sellers_answers_stay_JI_15()
    {
        var photo = new MessageAttachment(Guid.NewGuid(), "image/jpeg", 1000);
        var conversation = ConversationRules.Post(
            ConversationRules.Start(Guid.NewGuid(), CustomerId, ConversationRules.AboutOrder(OneSeller(), null).Subject!,
                new ConversationMessage(Guid.NewGuid(), ConversationMessage.Buyer, CustomerId, "Voici la tache", Now, photo)),
            new ConversationMessage(Guid.NewGuid(), ConversationMessage.Seller, Guid.NewGuid(), "Nous vous l'échangeons.", Now.AddHours(1)));

        var (erased, photos) = ConversationRules.EraseBuyer(conversation);

        Assert.Equal(["", "Nous vous l'échangeons."], erased.Messages.Select(message => message.Text));
        Assert.Equal([photo.Id], photos);
        Assert.Equal(Now.AddHours(1), conversation.LastMessageAt);
    }

    [Fact]
    public void An_order_problem_goes_to_the_seller_first_technical_and_misconduct_reports_to_the_platform_MP_11()
    {
        var subject = ConversationRules.AboutOrder(TwoSellers(), "brocante").Subject!;

        var problem = ReportRules.Open(Guid.NewGuid(), Report.OrderProblem, CustomerId, subject, null, "Jean déchiré", Now, AnswerWithin);
        var misconduct = ReportRules.Open(Guid.NewGuid(), Report.Misconduct, CustomerId, null, "brocante", "Propos injurieux", Now, AnswerWithin);
        var technical = ReportRules.Open(Guid.NewGuid(), Report.Technical, CustomerId, null, null, "Le paiement échoue", Now, AnswerWithin);

        Assert.Equal((Report.SellerOwner, "brocante", Report.Open, Now + AnswerWithin), (problem.Owner, problem.SellerId, problem.Status, problem.AnswerBy));
        Assert.Equal((Report.PlatformOwner, (DateTimeOffset?)null), (misconduct.Owner, misconduct.AnswerBy));
        Assert.Equal(Report.PlatformOwner, technical.Owner);
        // The seller a misconduct report is about never sees it; the seller of an order problem does.
        Assert.Null(ReportRules.SideOf(misconduct, Guid.NewGuid(), "brocante", ops: false));
        Assert.Equal(Report.Seller, ReportRules.SideOf(problem, Guid.NewGuid(), "brocante", ops: false));
        Assert.Null(ReportRules.SideOf(problem, Guid.NewGuid(), "atelier", ops: false));
    }

    [Fact]
    public void The_sellers_answer_settles_an_order_problem_the_buyers_reply_opens_it_again_and_operations_close_it_MP_11()
    {
        var opened = ReportRules.Open(Guid.NewGuid(), Report.OrderProblem, CustomerId, ConversationRules.AboutOrder(OneSeller(), null).Subject!, null,
            "Colis vide", Now, AnswerWithin);

        var answered = ReportRules.Write(opened, Report.Seller, Guid.NewGuid(), "Nous renvoyons l'article.", Now.AddHours(1), AnswerWithin, ReplyWithin).After!;
        var reopened = ReportRules.Write(answered, Report.Reporter, CustomerId, "Toujours rien reçu.", Now.AddDays(5), AnswerWithin, ReplyWithin).After!;
        var (closed, _) = ReportRules.Close(reopened, Guid.NewGuid(), "Remboursé par la plateforme.", Now.AddDays(6));

        Assert.Equal((Report.Answered, (DateTimeOffset?)(Now.AddHours(1) + ReplyWithin)), (answered.Status, answered.AnswerBy));
        Assert.Equal((Report.Open, Now.AddDays(5) + AnswerWithin), (reopened.Status, reopened.AnswerBy));
        Assert.Equal((Report.Closed, Now.AddDays(6)), (closed!.Status, closed.ClosedAt));
        Assert.Equal(4, closed.History.Count);
        Assert.NotNull(ReportRules.Write(closed, Report.Reporter, CustomerId, "Merci", Now.AddDays(7), AnswerWithin, ReplyWithin).Refusal);
        Assert.NotNull(ReportRules.Close(closed, Guid.NewGuid(), "Encore", Now.AddDays(7)).Refusal);
    }

    [Fact]
    public void An_answered_order_problem_its_reporter_does_not_reply_to_in_time_is_closed_by_the_answer_MP_11()
    {
        var opened = ReportRules.Open(Guid.NewGuid(), Report.OrderProblem, CustomerId, ConversationRules.AboutOrder(OneSeller(), null).Subject!, null,
            "Colis vide", Now, AnswerWithin);
        var answered = ReportRules.Write(opened, Report.Seller, Guid.NewGuid(), "Nous renvoyons l'article.", Now.AddHours(1), AnswerWithin, ReplyWithin).After!;

        Assert.Null(ReportRules.CloseUnreplied(answered, Now.AddHours(1) + ReplyWithin - TimeSpan.FromSeconds(1)));
        Assert.Null(ReportRules.CloseUnreplied(opened, Now.AddDays(60))); // an open one escalates instead
        var closed = ReportRules.CloseUnreplied(answered, Now.AddHours(1) + ReplyWithin)!;

        Assert.Equal((Report.Closed, (DateTimeOffset?)null, Report.System), (closed.Status, closed.AnswerBy, closed.History[^1].By));
        Assert.Null(ReportRules.CloseUnreplied(closed, Now.AddDays(60))); // once
        var replied = ReportRules.Write(answered, Report.Reporter, CustomerId, "Toujours rien.", Now.AddDays(2), AnswerWithin, ReplyWithin).After!;
        Assert.Null(ReportRules.CloseUnreplied(replied, Now.AddDays(2) + ReplyWithin)); // the reply opened it again: the seller's turn
    }

    [Fact]
    public void An_order_problem_unanswered_in_time_is_escalated_to_the_platform_and_nothing_else_is_MP_11()
    {
        var opened = ReportRules.Open(Guid.NewGuid(), Report.OrderProblem, CustomerId, ConversationRules.AboutOrder(OneSeller(), null).Subject!, null,
            "Colis vide", Now, AnswerWithin);

        Assert.Null(ReportRules.Escalate(opened, Now + AnswerWithin - TimeSpan.FromSeconds(1)));
        var escalated = ReportRules.Escalate(opened, Now + AnswerWithin)!;
        Assert.Equal((Report.Escalated, Report.PlatformOwner, Report.System), (escalated.Status, escalated.Owner, escalated.History[^1].By));
        Assert.Null(ReportRules.Escalate(escalated, Now.AddDays(30)));
        var answered = ReportRules.Write(opened, Report.Seller, Guid.NewGuid(), "Vu", Now.AddHours(1), AnswerWithin, ReplyWithin).After!;
        Assert.Null(ReportRules.Escalate(answered, Now.AddDays(30)));
        Assert.Equal(["", "Vu"], ReportRules.EraseReporter(answered).History.Select(entry => entry.Text)); // [JI-15]
    }
}
