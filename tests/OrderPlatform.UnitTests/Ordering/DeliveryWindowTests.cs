using OrderPlatform.Contracts;
using OrderPlatform.ServiceDefaults;
using static OrderPlatform.UnitTests.Ordering.OrderingTestData;

namespace OrderPlatform.UnitTests.Ordering;

/// <summary>The delivery window checkout shows, from Shipping's rules.</summary>
public sealed class DeliveryWindowTests
{
    [Fact]
    public void Fashion_retail_delivers_in_5_to_7_calendar_days_FR_08()
    {
        var window = Policy().Estimate!.From(new DateTimeOffset(2026, 12, 21, 22, 30, 0, TimeSpan.Zero)); // 23:30 in Paris, still the 21st

        Assert.Equal(new DeliveryWindow(new DateOnly(2026, 12, 26), new DateOnly(2026, 12, 28)), window);
    }

    [Fact]
    public void Japan_import_counts_french_working_days_without_weekends_or_public_holidays_JI_05()
    {
        // Friday 1 May 2026 (Labour Day): the 10 working days skip the weekends, 8 May and Ascension (14 May).
        var window = Policy("japan-import").Estimate!.From(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 5, 19), window.From);
        Assert.Equal(new DateOnly(2026, 5, 27), window.To); // Whit Monday, 25 May, does not count either
    }

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2030, 4, 21)]
    public void Easter_is_where_the_calendar_puts_it(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DeliveryWindows.EasterSunday(year));
    }

    [Fact]
    public void The_marketplace_promises_the_slowest_sellers_own_delay_plus_the_road_MP_08()
    {
        var estimate = Policy("marketplace").Estimate!;
        var monday = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DeliveryWindow(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 30)), estimate.From(monday, slowestSellerDays: 5));
        Assert.Equal(new DateOnly(2026, 11, 30), estimate.From(monday).To); // no seller delay: the usual week
    }
}
