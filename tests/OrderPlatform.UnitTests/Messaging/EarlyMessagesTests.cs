using OrderPlatform.Messaging;

namespace OrderPlatform.UnitTests.Messaging;

public sealed class EarlyMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly EarlyMessageOptions Options = new();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(9, 256)]
    [InlineData(10, 300)] // capped at five minutes
    [InlineData(60, 300)]
    public void Each_time_a_message_is_still_early_it_waits_twice_as_long_up_to_five_minutes(int attempts, int seconds)
    {
        Assert.Equal(Now.AddSeconds(seconds), EarlyMessages.NextDelivery(attempts, Now.AddMinutes(-1), Now, Options));
    }

    [Fact]
    public void A_message_still_early_a_day_after_it_was_first_parked_is_given_up()
    {
        Assert.NotNull(EarlyMessages.NextDelivery(200, Now.AddDays(-1).AddSeconds(1), Now, Options));
        Assert.Null(EarlyMessages.NextDelivery(200, Now.AddDays(-1), Now, Options));
    }

    [Fact]
    public void A_parked_message_goes_back_to_the_queue_it_came_from()
    {
        Assert.Equal("ordering-parcel-delivered", EarlyMessages.QueueOf(new Uri("rabbitmq://127.0.0.1:5672/tests-ordering/ordering-parcel-delivered")));
        Assert.Equal("ordering-parcel-delivered", EarlyMessages.QueueOf(new Uri("rabbitmq://localhost/ordering-parcel-delivered?bind=true")));
    }
}
