namespace OrderPlatform.Contracts;

/// <summary>When a parcel should arrive: the first and last day of the window, in France's calendar.</summary>
public sealed record DeliveryWindow(DateOnly From, DateOnly To);

/// <summary>
/// Shipping's delivery estimates, shared so checkout can show them [FR-08, JI-05]: calendar days, or
/// French working days (weekends and public holidays do not count), from the day of the order in Paris.
/// </summary>
public static class DeliveryWindows
{
    /// <summary>France's time zone: French days, carriers' local times, messages' dates.</summary>
    public static readonly TimeZoneInfo Paris = FindParis();

    public static DateOnly ParisDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Paris).DateTime);

    /// <summary>When a shop's day begins: midnight in Paris.</summary>
    public static DateTimeOffset ParisMidnight(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Paris.GetUtcOffset(midnight));
    }

    public static DeliveryWindow CalendarDays(DateOnly start, int min, int max) => new(start.AddDays(min), start.AddDays(max));

    public static DeliveryWindow WorkingDays(DateOnly start, int min, int max) => new(AddWorkingDays(start, min), AddWorkingDays(start, max));

    public static DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsFrenchPublicHoliday(day);

    /// <summary>The eleven French public holidays: eight fixed dates and three that follow Easter.</summary>
    public static bool IsFrenchPublicHoliday(DateOnly day)
    {
        if ((day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25))
        {
            return true;
        }

        var easter = EasterSunday(day.Year);
        return day == easter.AddDays(1) || day == easter.AddDays(39) || day == easter.AddDays(50);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
