using Portal.Domain.Staff.History;
using static Portal.Domain.Salary.SalaryText;

namespace Portal.Domain.Salary;

/// <summary>
/// One holding period (thời gian giữ bậc) counted from <see cref="Start"/>: the months the law asks for, the months added
/// for discipline and "not completed" years (kéo dài, TT 03/2021 Art. 1(5)), and the days not counted (TT 08/2013 Art. 2
/// as amended by TT 03/2021). <see cref="End"/> = Start + (BaseMonths + ExtensionMonths) months + NonCountedDays days.
/// Used for a step raise and for each stretch of the seniority allowance beyond the frame (TT 03/2021 Art. 2).
/// </summary>
/// <remarks>
/// Non-counted time is added as calendar days, not turned into months: the law does not say how days convert to months
/// (REGULATIONS §2.3 [U], open question 9), and days added as days is the reading that never shortens a period.
/// Example: 36 months from 01/09/2021 with 45 days of unpaid leave (01/02/2023–17/03/2023) end on 16/10/2024.
/// Extensions and non-counted days move the end, which can bring a later event into the period, so the end is
/// recomputed until it stops moving: a reprimand on 10/03/2023 moves 01/09/2024 to 01/12/2024, which brings in a
/// warning of 15/10/2024, which moves it to 01/06/2025.
/// </remarks>
internal sealed record HoldingPeriod(
    DateOnly Start,
    int BaseMonths,
    int ExtensionMonths,
    int NonCountedDays,
    DateOnly End,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<string> NeedsReview,
    IReadOnlyList<int> YearsWithoutRating,
    IReadOnlyList<int> NotCompletedYearsCounted)
{
    /// <param name="ruleSource">The legal source of the period's months and of the counted/non-counted list (the scale's).</param>
    /// <param name="asOf">Ratings are expected only for years before the year of <paramref name="asOf"/>.</param>
    /// <param name="yearsCounted">"Not completed" years an earlier stretch of the same timeline already extended; a year
    /// that overlaps two stretches (one ending mid-year) extends only the first.</param>
    public static HoldingPeriod Count(StaffSalaryFacts facts, SalaryLaw law, DateOnly start, int baseMonths, string ruleSource, DateOnly asOf,
        IReadOnlyCollection<int>? yearsCounted = null)
    {
        yearsCounted ??= [];
        var review = new List<string>();
        var gaps = NotCounted(facts.Absences, law, start, ruleSource, review);

        var (end, used) = Sweep(start, start.AddMonths(baseMonths), gaps);
        var extensions = Extensions.Within(facts, law, start, end, yearsCounted);
        while (true)
        {
            var (next, nextUsed) = Sweep(start, start.AddMonths(baseMonths + extensions.Months), gaps);
            // The end only moves later (more months, then the same or more gaps), and each event is counted once, so this stops.
            if (next == end) break;
            (end, used) = (next, nextUsed);
            extensions = Extensions.Within(facts, law, start, end, yearsCounted);
        }

        var reasons = new List<Reason>(extensions.Reasons);
        foreach (var (gap, days) in used)
        {
            var period = Period(gap.Absence.From, gap.Absence.To);
            var text = gap.Absence.Kind == AbsenceKind.SicknessLeave ? $"Lùi {days} ngày do {gap.Label} (đợt nghỉ ốm {period})."
                : days < gap.Absence.To.DayNumber - gap.Absence.From.DayNumber + 1 ? $"Lùi {days} ngày do {gap.Label} {period} (phần trong thời gian giữ bậc)."
                : $"Lùi {days} ngày do {gap.Label} {period}.";
            reasons.Add(new(text, gap.Source));
        }
        review.AddRange(extensions.NeedsReview);

        foreach (var d in facts.Disciplines.Where(d => d.AnnulledOn is null))
            if (d.Until is { } until && d.EffectiveOn <= end && end <= until)
                review.Add($"Ngày đến hạn {Date(end)} nằm trong thời gian thi hành kỷ luật {Of(d.Form)}{Decision(d.DecisionNumber)} " +
                    $"({Period(d.EffectiveOn, until)}): pháp luật chưa rõ có được nâng lương trong thời gian này không, cần xem xét.");

        var lastYear = Math.Min(end.AddDays(-1).Year, asOf.Year - 1);
        var missing = Enumerable.Range(start.Year, Math.Max(0, lastYear - start.Year + 1))
            .Where(y => facts.Ratings.All(r => r.Year != y)).ToList();

        return new(start, baseMonths, extensions.Months, used.Sum(u => u.Days), end, reasons, review, missing, extensions.NotCompletedYears);
    }

    /// <summary>A stretch of time that does not count, and why.</summary>
    private sealed record Gap(DateOnly From, DateOnly To, AbsencePeriod Absence, string Label, string Source);

    /// <summary>
    /// The non-counted stretches from <paramref name="start"/> on, in date order: the not-counted kinds in full, and the
    /// part of SI sickness leave beyond the cumulative cap (the first <c>raise.sickness-counted-months</c> of sickness in
    /// the period count as worked). Maternity, secondment, military service and probation count as worked.
    /// </summary>
    private static List<Gap> NotCounted(IReadOnlyList<AbsencePeriod> absences, SalaryLaw law, DateOnly start, string ruleSource, List<string> review)
    {
        var gaps = new List<Gap>();
        foreach (var a in absences.Where(a => a.To >= start && IsNotCounted(a.Kind)))
            gaps.Add(new(Max(a.From, start), a.To, a, Of(a.Kind), ruleSource));

        var sickness = absences.Where(a => a.Kind == AbsenceKind.SicknessLeave && a.To >= start).OrderBy(a => a.From).ToList();
        if (sickness.Count > 0)
        {
            var cap = law.Find(SalaryCodes.SicknessCountedMonths, start);
            if (cap is null)
                review.Add($"Chưa có tham số '{SalaryCodes.SicknessCountedMonths}' hiệu lực ngày {Date(start)}: chưa trừ thời gian nghỉ ốm, cần xem xét.");
            else
            {
                var capDays = start.AddMonths((int)cap.Value).DayNumber - start.DayNumber;
                var counted = 0;
                var label = $"nghỉ ốm vượt quá {(int)cap.Value} tháng được tính";
                foreach (var a in sickness)
                {
                    var from = Max(a.From, start);
                    var length = a.To.DayNumber - from.DayNumber + 1;
                    var stillCounted = Math.Clamp(capDays - counted, 0, length);
                    counted += stillCounted;
                    if (stillCounted < length) gaps.Add(new(from.AddDays(stillCounted), a.To, a, label, cap.LegalSource));
                }
            }
        }
        return [.. gaps.OrderBy(g => g.From)];
    }

    private static bool IsNotCounted(AbsenceKind kind) => kind is AbsenceKind.UnpaidLeave or AbsenceKind.Suspension or AbsenceKind.Detention
        or AbsenceKind.StudyBeyondTerm or AbsenceKind.Desertion or AbsenceKind.SuspendedSentenceProbation
        or AbsenceKind.WaitingForRetirement or AbsenceKind.OtherNonWorking;

    /// <summary>
    /// Pushes <paramref name="end"/> back by every gap that starts before it, in date order, counting a day covered by two
    /// gaps once. A gap that starts before the end is counted whole, since the pushed end lies beyond it.
    /// </summary>
    private static (DateOnly End, List<(Gap Gap, int Days)> Used) Sweep(DateOnly start, DateOnly end, List<Gap> gaps)
    {
        var used = new List<(Gap, int)>();
        var covered = start.AddDays(-1);
        foreach (var gap in gaps)
        {
            var from = Max(gap.From, covered.AddDays(1));
            if (from > gap.To) continue;
            if (from >= end) break;
            var days = gap.To.DayNumber - from.DayNumber + 1;
            end = end.AddDays(days);
            covered = gap.To;
            used.Add((gap, days));
        }
        return (end, used);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The months added for discipline and "not completed" years whose date falls in [start, end).</summary>
    private sealed record Extensions(int Months, List<Reason> Reasons, List<string> NeedsReview, List<int> NotCompletedYears)
    {
        /// <remarks>
        /// Each number is read as in force on the event's day (a discipline's effective day; 31/12 of a rated year): the
        /// law of the time governs the event. A missing parameter is a review line, not a guess.
        /// </remarks>
        public static Extensions Within(StaffSalaryFacts facts, SalaryLaw law, DateOnly start, DateOnly end, IReadOnlyCollection<int> yearsCounted)
        {
            var months = 0;
            var reasons = new List<Reason>();
            var review = new List<string>();
            var counted = new List<(DisciplineEvent Event, int Months)>();

            foreach (var d in facts.Disciplines.Where(d => d.EffectiveOn >= start && d.EffectiveOn < end).OrderBy(d => d.EffectiveOn))
            {
                var what = $"{Of(d.Form)}{Decision(d.DecisionNumber)} (hiệu lực {Date(d.EffectiveOn)})";
                if (d.AnnulledOn is { } annulled)
                {
                    review.Add($"Kỷ luật {what} đã bị hủy ngày {Date(annulled)}: chưa kéo dài thời gian nâng lương; " +
                        "pháp luật chưa rõ việc khôi phục, cần xem xét.");
                    continue;
                }
                var code = d.Form switch
                {
                    DisciplineForm.Reprimand => SalaryCodes.ExtensionReprimand,
                    DisciplineForm.Warning => SalaryCodes.ExtensionWarning,
                    DisciplineForm.Demotion or DisciplineForm.RemovalFromOffice => SalaryCodes.ExtensionDemotion,
                    _ => null,
                };
                if (code is null)
                {
                    review.Add($"Kỷ luật {what}: quy định kéo dài thời gian nâng lương (khiển trách, cảnh cáo, giáng chức, cách chức) " +
                        "không nêu hình thức này, cần xem xét.");
                    continue;
                }
                var p = law.Find(code, d.EffectiveOn);
                if (p is null)
                {
                    review.Add($"Chưa có tham số '{code}' hiệu lực ngày {Date(d.EffectiveOn)}: chưa kéo dài do kỷ luật {what}, cần xem xét.");
                    continue;
                }
                months += (int)p.Value;
                counted.Add((d, (int)p.Value));
                reasons.Add(new($"Kéo dài {(int)p.Value} tháng do {what}.", p.LegalSource));
            }

            // TT 03/2021 sums a discipline and "not completed" years; for two disciplines in one year MoHA gave no answer
            // (REGULATIONS §2.3 [U]), so they are summed, the cautious default, and a person confirms.
            foreach (var year in counted.GroupBy(c => c.Event.EffectiveOn.Year).Where(g => g.Count() > 1))
                review.Add($"Năm {year.Key} có {year.Count()} quyết định kỷ luật ({string.Join(", ", year.Select(c => Of(c.Event.Form)))}): " +
                    $"đã cộng dồn {year.Sum(c => c.Months)} tháng kéo dài (mặc định thận trọng); Bộ Nội vụ chưa hướng dẫn, cần xem xét.");

            var notCompleted = facts.Ratings.Where(r => r.NotCompleted).Select(r => r.Year).Distinct()
                .Where(y => new DateOnly(y, 1, 1) < end && new DateOnly(y, 12, 31) >= start && !yearsCounted.Contains(y)).Order().ToList();
            var countedYears = new List<int>();
            foreach (var year in notCompleted)
            {
                var p = law.Find(SalaryCodes.ExtensionNotCompletedYear, new DateOnly(year, 12, 31));
                if (p is null)
                {
                    review.Add($"Chưa có tham số '{SalaryCodes.ExtensionNotCompletedYear}' cho năm {year}: chưa kéo dài do không hoàn thành nhiệm vụ, cần xem xét.");
                    continue;
                }
                months += (int)p.Value;
                countedYears.Add(year);
                reasons.Add(new($"Kéo dài {(int)p.Value} tháng do năm {year} xếp loại không hoàn thành nhiệm vụ.", p.LegalSource));
            }
            return new(months, reasons, review, countedYears);
        }
    }
}
