namespace OrderPlatform.Messaging;

/// <summary>
/// The message depends on another that has not been handled here yet (they travel on different queues): the consumer throws this,
/// and the message is parked and delivered again later instead of being retried in a loop and lost to <c>_error</c>.
/// </summary>
public sealed class MessageArrivedEarlyException(string waitingFor) : Exception($"Waiting for {waitingFor}.")
{
    /// <summary>What the message waits for, in the shop's words: "order 0193… to be known here".</summary>
    public string WaitingFor { get; } = waitingFor;
}
