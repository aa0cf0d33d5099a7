using Portal.Domain.Staff;

namespace Portal.Domain.Retirement;

/// <summary>
/// One gender's road map of the retirement age (lộ trình tuổi nghỉ hưu trong điều kiện lao động bình thường): the age in
/// months in <see cref="FromYear"/>, raised by <see cref="StepMonthsPerYear"/> each following year up to
/// <see cref="CapMonths"/>; <see cref="PreviousMonths"/> is the age of the law before it, under which whoever reached it
/// before <see cref="FromYear"/> retired. The numbers are dated data with their legal source, supplied by the caller.
/// </summary>
/// <example>Nghị định 135/2020/NĐ-CP, Điều 4: men 60y3m in 2021, +3 months a year, 62 from 2028, 60 before → (Male, 2021, 723, 3, 744, 720).</example>
public sealed record RetirementAgeSchedule(Gender Gender, int FromYear, int BaseMonths, int StepMonthsPerYear, int CapMonths, int PreviousMonths,
    string LegalSource)
{
    /// <summary>The retirement age, in months, of someone who reaches it in <paramref name="year"/>.</summary>
    public int AgeInMonths(int year) => Math.Min(BaseMonths + StepMonthsPerYear * Math.Max(0, year - FromYear), CapMonths);
}

/// <summary>
/// When a person retires (thời điểm nghỉ hưu): the last day of the month in which they reach the retirement age of the
/// year they reach it in; the pension starts the next day (Nghị định 135/2020/NĐ-CP, Điều 3).
/// </summary>
public static class RetirementDate
{
    /// <summary>
    /// The retirement day of a person born on <paramref name="birth"/>, or null when they reached the age before the
    /// schedule begins (they retired under an earlier law). Only the birth month counts; with the year alone known, the
    /// law takes 1 January.
    /// </summary>
    /// <example>A man born 10/1961 reaches 60y6m, 2022's age, in 04/2022: retires 30/04/2022, pension from 01/05/2022.</example>
    public static DateOnly? Of(DateOnly birth, RetirementAgeSchedule schedule)
    {
        var month = new DateOnly(birth.Year, birth.Month, 1);
        // Reached the earlier law's age before the road map began (a man born 10/1960 turned 60 in 10/2020): retired then.
        if (month.AddMonths(schedule.PreviousMonths).Year < schedule.FromYear) return null;
        // The age rises by at most a few months a year, so the first year whose age is reached within that year exists
        // and comes within the road map's span.
        for (var year = schedule.FromYear; ; year++)
        {
            var reached = month.AddMonths(schedule.AgeInMonths(year));
            if (reached.Year == year) return reached.AddMonths(1).AddDays(-1);
        }
    }

    /// <summary>The first day of the pension: the day after the retirement day.</summary>
    public static DateOnly? PensionFrom(DateOnly birth, RetirementAgeSchedule schedule) => Of(birth, schedule)?.AddDays(1);
}
