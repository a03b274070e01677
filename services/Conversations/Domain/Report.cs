namespace OrderPlatform.Conversations.Domain;

/// <summary>One step of a report's history: who wrote, what, and the status it left the report in.</summary>
public sealed record ReportEntry(string By, Guid? AuthorId, string Text, DateTimeOffset At, string Status, string Owner);

/// <summary>
/// A problem reported on the marketplace [MP-11]. An order problem goes to the order's seller first (owner <c>seller</c>, status
/// <c>open</c>); the seller's answer makes it <c>answered</c>, the reporter's next word opens it again; unanswered by
/// <see cref="AnswerBy"/>, it is <c>escalated</c> to the platform. Answered, the reporter has until <see cref="AnswerBy"/> to reply, or the
/// answer settled it and it is <c>closed</c>. Technical problems and misconduct go to the platform from the start. Operations close any
/// report (<c>closed</c>, the end of its life) with what they did.
/// </summary>
public sealed record Report(Guid Id, string Kind, Guid ReporterId, Guid? OrderId, string? OrderNumber, string? SellerId, string Owner, string Status,
    IReadOnlyList<ReportEntry> History, DateTimeOffset OpenedAt, DateTimeOffset? AnswerBy = null, DateTimeOffset? ClosedAt = null)
{
    public const string OrderProblem = "order-problem";
    public const string Technical = "technical";
    public const string Misconduct = "misconduct";
    public static readonly string[] Kinds = [OrderProblem, Technical, Misconduct];

    public const string Open = "open";
    public const string Answered = "answered";
    public const string Escalated = "escalated";
    public const string Closed = "closed";
    public static readonly string[] Statuses = [Open, Answered, Escalated, Closed];

    public const string SellerOwner = "seller";
    public const string PlatformOwner = "platform";

    public const string Reporter = "reporter";
    public const string Seller = "seller";
    public const string Ops = "ops";
    public const string System = "system";
}

public static class ReportRules
{
    /// <summary>
    /// A new report: an order problem for the seller it names (the order's seller, chosen as for a conversation), answered within
    /// <paramref name="answerWithin"/>; anything else for the platform. A misconduct report may name the seller it is about: that seller
    /// does not see it.
    /// </summary>
    public static Report Open(Guid id, string kind, Guid reporterId, ConversationSubject? order, string? reportedSellerId, string text, DateTimeOffset now,
        TimeSpan answerWithin)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var forSeller = kind == Report.OrderProblem && order is not null;
        var (owner, answerBy) = forSeller ? (Report.SellerOwner, now + answerWithin) : (Report.PlatformOwner, (DateTimeOffset?)null);
        return new Report(id, kind, reporterId, order?.OrderId, order?.OrderNumber, forSeller ? order!.SellerId : reportedSellerId, owner, Report.Open,
            [new ReportEntry(Report.Reporter, reporterId, text, now, Report.Open, owner)], now, answerBy);
    }

    /// <summary>Who the person is to the report: its reporter, the seller it is for (an order problem only), operations; null: not theirs (404).</summary>
    public static string? SideOf(Report report, Guid? customerId, string? sellerId, bool ops)
    {
        ArgumentNullException.ThrowIfNull(report);
        return customerId is { } id && id == report.ReporterId ? Report.Reporter
            : report.Kind == Report.OrderProblem && sellerId is not null && sellerId == report.SellerId ? Report.Seller
            : ops ? Report.Ops
            : null;
    }

    /// <summary>
    /// Someone writes in the report: the seller's word answers an order problem still with it (the reporter then has
    /// <paramref name="replyWithin"/> to reply); the reporter's word on an answered one opens it again for the seller, with a new time to
    /// answer. A closed report takes no more words.
    /// </summary>
    public static (Report? After, string? Refusal) Write(Report report, string side, Guid authorId, string text, DateTimeOffset now, TimeSpan answerWithin,
        TimeSpan replyWithin)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status == Report.Closed)
        {
            return (null, "This report is closed.");
        }

        var (status, answerBy) = (side, report.Status, report.Owner) switch
        {
            (Report.Seller, Report.Open, Report.SellerOwner) => (Report.Answered, (DateTimeOffset?)(now + replyWithin)),
            (Report.Reporter, Report.Answered, Report.SellerOwner) => (Report.Open, now + answerWithin),
            _ => (report.Status, report.AnswerBy),
        };
        return (report with
        {
            Status = status,
            AnswerBy = answerBy,
            History = [.. report.History, new ReportEntry(side, authorId, text, now, status, report.Owner)],
        }, null);
    }

    /// <summary>An order problem the seller left unanswered past its time goes to the platform; anything else is left as it is.</summary>
    public static Report? Escalate(Report report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report is { Status: Report.Open, Owner: Report.SellerOwner, AnswerBy: { } by } && by <= now
            ? report with
            {
                Owner = Report.PlatformOwner,
                Status = Report.Escalated,
                AnswerBy = null,
                History = [.. report.History, new ReportEntry(Report.System, null, "The seller did not answer in time: the platform takes it over.", now,
                    Report.Escalated, Report.PlatformOwner)],
            }
            : null;
    }

    /// <summary>An answered order problem its reporter did not reply to in time: the seller's answer settled it, and it is closed.</summary>
    public static Report? CloseUnreplied(Report report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report is { Status: Report.Answered, AnswerBy: { } by } && by <= now
            ? report with
            {
                Status = Report.Closed,
                AnswerBy = null,
                ClosedAt = now,
                History = [.. report.History, new ReportEntry(Report.System, null, "No reply to the seller's answer in time: the answer settled it.", now,
                    Report.Closed, report.Owner)],
            }
            : null;
    }

    /// <summary>Operations close the report with what they did: the end of its life.</summary>
    public static (Report? After, string? Refusal) Close(Report report, Guid opsId, string resolution, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == Report.Closed
            ? (null, "This report is already closed.")
            : (report with
            {
                Status = Report.Closed,
                AnswerBy = null,
                ClosedAt = now,
                History = [.. report.History, new ReportEntry(Report.Ops, opsId, resolution, now, Report.Closed, report.Owner)],
            }, null);
    }

    /// <summary>What the report's change tells the others: its status and owner now; <c>Step</c> numbers the change, so each is told once.</summary>
    public static OrderPlatform.Contracts.ReportChanged Changed(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Id, report.Kind, report.Status, report.Owner, report.ReporterId, report.Kind == Report.OrderProblem ? report.SellerId : null,
            report.OrderId, report.OrderNumber, report.AnswerBy, report.History.Count, report.History[^1].At);
    }

    public static string? WhyNotText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Say what happened." : text.Length > 4000 ? "At most 4000 characters." : null;

    /// <summary>The report after its reporter's GDPR erasure [JI-15]: what they wrote goes; what the seller and operations did stays.</summary>
    public static Report EraseReporter(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with { History = report.History.Select(entry => entry.By == Report.Reporter ? entry with { Text = "" } : entry).ToList() };
    }
}
