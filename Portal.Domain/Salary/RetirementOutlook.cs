using Portal.Domain.Retirement;
using static Portal.Domain.Salary.SalaryText;

namespace Portal.Domain.Salary;

/// <summary>
/// A person's retirement day, first pension day and the alert stage on a day. <see cref="AlertMonths"/> is the latest alert
/// reached (e.g. 6 once within 6 months of the day, until the 3-month alert), null before the first and from the
/// retirement day on; <see cref="NextAlertOn"/> is the next alert day still to come.
/// </summary>
public sealed record RetirementView(DateOnly RetiresOn, DateOnly PensionFrom, int? AlertMonths, DateOnly? NextAlertOn, IReadOnlyList<Reason> Reasons);

/// <summary>When a person retires and which of the office's alerts is running (REGULATIONS §4.3: T-12 early raise and
/// successor, T-6 notice, T-3 decision).</summary>
public static class RetirementOutlook
{
    /// <summary>
    /// The retirement day is the notice's, when there is one, else the day the road map in force on <paramref name="asOf"/>
    /// gives (Nghị định 135/2020/NĐ-CP); null when the person reached the age before the road map began. An alert of m
    /// months starts on the retirement day minus m months.
    /// </summary>
    /// <example>Man born 10/04/1966 retires 30/04/2028; with alerts [12, 6, 3], on 01/12/2027 the 6-month alert (from
    /// 30/10/2027) is running and the next is 30/01/2028.</example>
    public static RetirementView? Of(StaffSalaryFacts facts, SalaryLaw law, DateOnly asOf, IReadOnlyList<int> alertMonthsBefore)
    {
        var reasons = new List<Reason>();
        DateOnly retiresOn;
        if (facts.Notice is { } notice)
        {
            retiresOn = notice.RetiresOn;
            reasons.Add(new($"Theo thông báo nghỉ hưu{Numbered(notice.DecisionNumber)} ngày {Date(notice.NoticeOn)}: nghỉ hưu ngày {Date(retiresOn)}."));
        }
        else
        {
            var schedule = law.Retirement(facts.Gender, asOf);
            if (RetirementDate.Of(facts.BornOn, schedule) is not { } computed) return null;
            retiresOn = computed;
            var age = (retiresOn.Year * 12 + retiresOn.Month) - (facts.BornOn.Year * 12 + facts.BornOn.Month);
            reasons.Add(new($"Sinh tháng {MonthYear(facts.BornOn)}, đủ tuổi nghỉ hưu {age / 12} tuổi {age % 12} tháng: " +
                $"nghỉ hưu ngày {Date(retiresOn)} (ngày cuối tháng đủ tuổi).", schedule.LegalSource));
        }
        var pensionFrom = retiresOn.AddDays(1);
        reasons.Add(new($"Hưởng lương hưu từ {Date(pensionFrom)}."));

        if (retiresOn <= asOf)
        {
            reasons.Add(new($"Đã đến ngày nghỉ hưu ({Date(retiresOn)})."));
            return new(retiresOn, pensionFrom, null, null, reasons);
        }

        var alerts = alertMonthsBefore.Where(m => m > 0).Distinct().Select(m => (Months: m, On: retiresOn.AddMonths(-m))).OrderBy(a => a.On).ToList();
        var running = alerts.Where(a => a.On <= asOf).Select(a => (int?)a.Months).LastOrDefault();
        var next = alerts.Where(a => a.On > asOf).Select(a => (DateOnly?)a.On).FirstOrDefault();
        if (running is { } months)
            reasons.Add(new($"Còn không quá {months} tháng đến ngày nghỉ hưu (mốc cảnh báo {months} tháng từ {Date(retiresOn.AddMonths(-months))})."));
        if (next is { } nextOn)
            reasons.Add(new($"Mốc cảnh báo tiếp theo: {alerts.First(a => a.On == nextOn).Months} tháng trước ngày nghỉ hưu, ngày {Date(nextOn)}."));
        return new(retiresOn, pensionFrom, running, next, reasons);
    }
}
