using Marten;
using OrderPlatform.Conversations.Domain;
using OrderPlatform.Messaging.Persistence;

namespace OrderPlatform.Conversations.Features.Reports;

/// <summary>
/// Order problems a seller left unanswered past their time go to the platform, and answered ones their reporter did not reply to in time
/// are closed [MP-11]. The time is stored on the report, so a restart loses nothing; each report changes under its lock, as an answer does.
/// </summary>
public sealed class ReportEscalationScan(IDocumentStore store, TimeProvider time, ReportDeadlines deadlines, ILogger<ReportEscalationScan> logger)
    : DeadlineScan(time, logger)
{
    protected override TimeSpan Interval => deadlines.ScanInterval;

    protected override string What => "order problems escalated to the platform or closed unreplied";

    protected override Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken) => EscalateDueAsync(store, now, cancellationToken);

    public static async Task<int> EscalateDueAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await query.Query<Report>().Where(report => (report.Status == Report.Open || report.Status == Report.Answered) && report.AnswerBy <= now)
                .Select(report => report.Id).Take(500).ToListAsync(cancellationToken);
        }

        var escalated = 0;
        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            await AdvisoryLocks.LockAsync(session, ["report:" + id], cancellationToken);
            if (await session.LoadAsync<Report>(id, cancellationToken) is { } report && (ReportRules.Escalate(report, now) ?? ReportRules.CloseUnreplied(report, now)) is { } after)
            {
                session.Store(after);
                session.Events.Append(after.Id, ReportRules.Changed(after));
                await session.SaveChangesAsync(cancellationToken);
                escalated++;
            }
        }

        return escalated;
    }
}
