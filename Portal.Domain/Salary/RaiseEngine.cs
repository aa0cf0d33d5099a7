using static Portal.Domain.Salary.SalaryText;

namespace Portal.Domain.Salary;

/// <summary>Which rule the next change of pay follows.</summary>
public enum RaiseTrack
{
    /// <summary>Nâng bậc lương thường xuyên: not yet at the last step.</summary>
    StepRaise = 1,
    /// <summary>Phụ cấp thâm niên vượt khung: at the last step.</summary>
    BeyondFrame = 2,
    /// <summary>No salary row in force on the day asked.</summary>
    NoSalary = 3,
    /// <summary>The row's salary group has no steps in the scale on the day asked.</summary>
    UnknownScale = 4,
}

/// <summary>
/// The next regular change of pay (nâng bậc lương thường xuyên, or the next PCTNVK percentage at the last step).
/// <see cref="HeldSince"/> starts the holding period that ends on <see cref="DueOn"/>, and
/// DueOn = HeldSince + (BaseMonths + ExtensionMonths) months + NonCountedDays days. At the last step that period is the
/// stretch towards <see cref="BeyondFramePercentNext"/> (the first 36/24 months, then each 12); the explanation gives
/// the whole timeline from the day the last step was reached.
/// </summary>
public sealed record RegularRaise(
    RaiseTrack Track,
    SalaryStepHeld? Current,
    DateOnly? HeldSince,
    int BaseMonths, int ExtensionMonths, int NonCountedDays,
    DateOnly? DueOn,
    int? NextStep, decimal? NextCoefficient,
    decimal? BeyondFramePercentNow,
    decimal? BeyondFramePercentNext,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<string> NeedsReview);

/// <summary>Whether the person is a candidate for an early raise for achievement in the review year, and on what basis.</summary>
public sealed record EarlyRaiseCandidacy(bool Candidate, int MonthsEarly, Achievement? Basis, DateOnly? EarlyDueOn, IReadOnlyList<Reason> Reasons);

/// <summary>Whether the person is raised 12 months early on a retirement notice, and from when.</summary>
public sealed record RetirementRaise(bool Eligible, DateOnly? EffectiveOn, IReadOnlyList<Reason> Reasons);

/// <summary>
/// The raise rules for viên chức (Nghị định 204/2004/NĐ-CP; Thông tư 08/2013/TT-BNV as amended by Thông tư 03/2021/TT-BNV;
/// REGULATIONS §2.3–2.7). Pure: every number comes from <see cref="SalaryLaw"/>, every date from the caller.
/// </summary>
public static class RaiseEngine
{
    /// <summary>
    /// The next step raise, or the next PCTNVK percentage at the last step, for the salary row in force on
    /// <paramref name="asOf"/> (the latest row starting on or before it).
    /// </summary>
    /// <remarks>
    /// The holding period starts at the first of the unbroken run of rows at the current group and step, so a row that
    /// only renames the title or corrects a detail (same group, same step) does not restart the clock: the 2021 title
    /// conversion kept the time held (TT 02/2021/TT-BGDĐT). Rows 01/09/2021 (A1 step 3) and 20/03/2022 (A1 step 3,
    /// new title code) → counted from 01/09/2021.
    /// </remarks>
    public static RegularRaise Regular(StaffSalaryFacts facts, SalaryLaw law, DateOnly asOf)
    {
        var run = Run(facts.Steps, asOf);
        if (run.Count == 0)
            return Nothing(RaiseTrack.NoSalary, null, $"Chưa có quá trình lương hưởng từ ngày {Date(asOf)} trở về trước.");

        var current = run[^1];
        var scale = law.Scale(current.Group, asOf);
        if (scale is null)
            return Nothing(RaiseTrack.UnknownScale, current,
                $"Chưa có thang lương của nhóm {current.Group} hiệu lực ngày {Date(asOf)}: không tính được ngày nâng lương.");

        return current.Step >= scale.LastStep ? BeyondFrame(facts, law, asOf, run, scale) : StepRaise(facts, law, asOf, run, scale);
    }

    private static RegularRaise StepRaise(StaffSalaryFacts facts, SalaryLaw law, DateOnly asOf, List<SalaryStepHeld> run, GroupScale scale)
    {
        var current = run[^1];
        var start = run[0].From;
        var held = HoldingPeriod.Count(facts, law, start, scale.RaiseIntervalMonths, scale.LegalSource, asOf);
        var next = current.Step + 1;
        decimal? nextCoefficient = scale.Coefficients.TryGetValue(next, out var c) ? c : null;

        var reasons = new List<Reason>();
        if (run.Count > 1)
            reasons.Add(new($"Tính thời gian giữ bậc từ {Date(start)}, dòng lương đầu tiên ở bậc {current.Step} nhóm {current.Group} " +
                "(các dòng sau cùng nhóm, cùng bậc không tính lại thời gian)."));
        reasons.Add(new($"Đủ {scale.RaiseIntervalMonths} tháng giữ bậc {current.Step} (hệ số {Coefficient(current.Coefficient)}) " +
            $"từ {Date(start)} vào {Date(start.AddMonths(scale.RaiseIntervalMonths))}.", scale.LegalSource));
        reasons.AddRange(held.Reasons);
        var target = $"bậc {next}" + (nextCoefficient is { } nc ? $" (hệ số {Coefficient(nc)})" : "");
        reasons.Add(new(held.End <= asOf
            ? $"Đã đến hạn nâng lên {target} từ {Date(held.End)}; chưa có dòng lương mới."
            : $"Dự kiến nâng lên {target} từ {Date(held.End)}.", scale.LegalSource));

        return new(RaiseTrack.StepRaise, current, start, held.BaseMonths, held.ExtensionMonths, held.NonCountedDays, held.End,
            next, nextCoefficient, current.BeyondFramePercent, null, reasons, Review(held.NeedsReview, held.YearsWithoutRating));
    }

    /// <summary>
    /// PCTNVK (REGULATIONS §2.6): the entitled timeline from the day the last step was reached — the first percentage after
    /// the group's raise interval (36 months for A groups, 24 for B and C, as the scale says), then one more percent each
    /// further stretch of months, each stretch extended like a holding period — up to the first percentage above the one
    /// recorded on the current row. That date may be past: due, but not yet recorded.
    /// </summary>
    /// <example>Last step since 01/01/2015, A1: 5% from 01/01/2018, 6% from 01/01/2019, 7% from 01/01/2020. With 6% recorded,
    /// the next is 7% on 01/01/2020; with only 5% recorded, 6% was due on 01/01/2019.</example>
    private static RegularRaise BeyondFrame(StaffSalaryFacts facts, SalaryLaw law, DateOnly asOf, List<SalaryStepHeld> run, GroupScale scale)
    {
        var current = run[^1];
        var recorded = current.BeyondFramePercent ?? 0;
        var reasons = new List<Reason>
        {
            new($"Giữ bậc cuối (bậc {current.Step}/{scale.LastStep}, hệ số {Coefficient(current.Coefficient)}) nhóm {current.Group} từ {Date(run[0].From)}.",
                scale.LegalSource),
        };
        var review = new List<string>();
        var missing = new List<int>();
        var yearsCounted = new List<int>();
        if (current.Step > scale.LastStep)
            review.Add($"Bậc {current.Step} vượt bậc cuối {scale.LastStep} của nhóm {current.Group}: kiểm tra lại dòng lương.");

        var held = HoldingPeriod.Count(facts, law, run[0].From, scale.RaiseIntervalMonths, scale.LegalSource, asOf);
        var first = law.Get(SalaryCodes.BeyondFrameFirstPercent, held.End);
        var percent = first.Value;
        Record(held, $"Đủ {held.BaseMonths} tháng giữ bậc cuối", first.LegalSource);

        // The guard only matters if an admin sets the yearly percentage to 0: the loop would never pass the recorded one.
        for (var guard = 0; percent <= recorded && guard < 100; guard++)
        {
            var months = law.Get(SalaryCodes.BeyondFrameStepMonths, held.End);
            yearsCounted.AddRange(held.NotCompletedYearsCounted);
            held = HoldingPeriod.Count(facts, law, held.End, (int)months.Value, scale.LegalSource, asOf, yearsCounted);
            var yearly = law.Get(SalaryCodes.BeyondFrameYearlyPercent, held.End);
            percent += yearly.Value;
            Record(held, $"Đủ {held.BaseMonths} tháng tiếp theo", yearly.LegalSource);
        }

        if (percent <= recorded)
            review.Add($"PCTNVK ghi nhận {Percent(recorded)} không tính tiếp được từ các tham số PCTNVK: kiểm tra lại dòng lương và tham số.");

        reasons.Add(new(current.BeyondFramePercent is { } now
            ? $"Dòng lương từ {Date(current.From)} ghi PCTNVK {Percent(now)}; mức tiếp theo {Percent(percent)} " +
              (held.End <= asOf ? $"đã đến hạn từ {Date(held.End)}, chưa ghi nhận." : $"từ {Date(held.End)}.")
            : held.End <= asOf
                ? $"Chưa ghi nhận PCTNVK; {Percent(percent)} đã đến hạn từ {Date(held.End)}."
                : $"Dự kiến hưởng PCTNVK {Percent(percent)} từ {Date(held.End)}."));

        return new(RaiseTrack.BeyondFrame, current, held.Start, held.BaseMonths, held.ExtensionMonths, held.NonCountedDays, held.End,
            null, null, current.BeyondFramePercent, percent, reasons, Review(review, missing));

        void Record(HoldingPeriod stretch, string what, string source)
        {
            reasons.AddRange(stretch.Reasons);
            var adjusted = stretch.ExtensionMonths > 0 || stretch.NonCountedDays > 0 ? " (tính cả thời gian kéo dài, không được tính nêu trên)" : "";
            reasons.Add(new($"{what}{adjusted} vào {Date(stretch.End)}: hưởng PCTNVK {Percent(percent)}.", source));
            review.AddRange(stretch.NeedsReview);
            missing.AddRange(stretch.YearsWithoutRating);
        }
    }

    /// <summary>
    /// Candidacy for an early raise for outstanding achievement in <paramref name="reviewYear"/> (TT 08/2013 Art. 3(1) as
    /// amended by TT 03/2021; REGULATIONS §2.4). The unit's quota and ranking among candidates are decided elsewhere.
    /// </summary>
    /// <remarks>
    /// A candidate: is on the step-raise track; the regular date falls after 31/12 of the review year (on or before it the
    /// regular raise applies) and at most <c>early.window-months</c> after it; had no discipline or "not completed" year
    /// in the holding period (both standards of the regular raise must hold throughout it, which an extension shows they
    /// did not); was not raised early for achievement into the current step in the same title (not twice in a row); and
    /// has an achievement worth months whose decision is within the look-back years up to 31/12 and after the last early
    /// raise for achievement (earlier achievements are used up). The basis is the highest (lowest rank), then the one
    /// worth most months, then the latest; months early = min(its months, <c>early.max-months</c>).
    /// Achievements are used up by the last early raise's decision date; without one recorded, its "ngày hưởng" stands in.
    /// </remarks>
    public static EarlyRaiseCandidacy EarlyForAchievement(StaffSalaryFacts facts, RegularRaise regular, SalaryLaw law, int reviewYear)
    {
        var yearEnd = new DateOnly(reviewYear, 12, 31);
        var reasons = new List<Reason>();

        if (regular.Track != RaiseTrack.StepRaise || regular.DueOn is not { } due || regular.Current is not { } current)
            return No(regular.Track == RaiseTrack.BeyondFrame
                ? "Đang giữ bậc cuối: không xét nâng bậc lương trước thời hạn (hưởng phụ cấp thâm niên vượt khung)."
                : "Chưa xác định được ngày nâng bậc lương thường xuyên.");

        var window = law.Get(SalaryCodes.EarlyWindowMonths, yearEnd);
        if (due <= yearEnd)
            return No($"Đến hạn nâng bậc lương thường xuyên ngày {Date(due)}, không muộn hơn {Date(yearEnd)}: " +
                "nâng bậc thường xuyên, không xét trước thời hạn.");
        if (due > yearEnd.AddMonths((int)window.Value))
            return No($"Đến hạn nâng bậc lương thường xuyên ngày {Date(due)}: tính đến {Date(yearEnd)} còn thiếu hơn {(int)window.Value} tháng.",
                window.LegalSource);
        reasons.Add(new($"Đến hạn nâng bậc lương thường xuyên ngày {Date(due)}: tính đến {Date(yearEnd)} còn thiếu không quá " +
            $"{(int)window.Value} tháng.", window.LegalSource));

        if (regular.ExtensionMonths > 0)
            return No($"Thời gian giữ bậc bị kéo dài {regular.ExtensionMonths} tháng do kỷ luật hoặc không hoàn thành nhiệm vụ: " +
                "không đạt đủ hai tiêu chuẩn trong suốt thời gian giữ bậc.");
        if (DisciplineWithin(facts, regular) is { } discipline)
            return No(Disciplined(discipline));

        var run = Run(facts.Steps, current.From);
        var previous = run[0];
        if (previous.Kind == RaiseKind.EarlyForAchievement && previous.TitleCode == current.TitleCode)
            return No($"Lần nâng lương trước (lên bậc {previous.Step} từ {Date(previous.From)}{Decision(previous.DecisionNumber)}) là nâng trước " +
                $"thời hạn do thành tích, cùng chức danh {current.TitleCode}: không nâng trước thời hạn hai lần liên tiếp.");
        if (previous.Kind == RaiseKind.EarlyForAchievement)
            reasons.Add(new($"Lần nâng lương trước thời hạn ({Date(previous.From)}) ở chức danh {previous.TitleCode}, khác chức danh hiện tại " +
                $"{current.TitleCode}: không tính là hai lần liên tiếp trong cùng chức danh."));

        var years = law.Get(regular.BaseMonths >= 36 ? SalaryCodes.EarlyLookBackYearsLong : SalaryCodes.EarlyLookBackYearsShort, yearEnd);
        var since = new DateOnly(reviewYear - (int)years.Value + 1, 1, 1);
        var lastEarly = facts.Steps.Where(s => s.Kind == RaiseKind.EarlyForAchievement && s.From <= yearEnd).MaxBy(s => s.From);

        var usable = new List<Achievement>();
        foreach (var a in facts.Achievements.OrderBy(a => a.DecidedOn))
        {
            var what = $"Thành tích \"{a.Form}\"{Decision(a.DecisionNumber)} ngày {Date(a.DecidedOn)}";
            if (a.MonthsEarly <= 0) reasons.Add(new($"{what}: quy chế của đơn vị không tính tháng nâng trước thời hạn."));
            else if (a.DecidedOn > yearEnd) reasons.Add(new($"{what}: sau {Date(yearEnd)}, xét ở năm sau."));
            else if (a.DecidedOn < since)
                reasons.Add(new($"{what}: ngoài thời hạn {(int)years.Value} năm tính đến {Date(yearEnd)} (từ {Date(since)}).", years.LegalSource));
            else if (lastEarly is not null && a.DecidedOn <= (lastEarly.DecidedOn ?? lastEarly.From))
                reasons.Add(new($"{what}: đã dùng hết khi nâng lương trước thời hạn từ {Date(lastEarly.From)}{Decision(lastEarly.DecisionNumber)}.",
                    years.LegalSource));
            else usable.Add(a);
        }
        if (usable.Count == 0) return No("Không có thành tích còn được tính để xét nâng lương trước thời hạn.");

        var basis = usable.OrderBy(a => a.Rank).ThenByDescending(a => a.MonthsEarly).ThenByDescending(a => a.DecidedOn).First();
        var max = law.Get(SalaryCodes.EarlyMaxMonths, yearEnd);
        var months = Math.Min(basis.MonthsEarly, (int)max.Value);
        var earlyDue = due.AddMonths(-months);
        reasons.Add(new($"Căn cứ thành tích \"{basis.Form}\"{Decision(basis.DecisionNumber)} ngày {Date(basis.DecidedOn)}: nâng trước {months} tháng " +
            $"(tối đa {(int)max.Value} tháng), lên bậc {regular.NextStep} từ {Date(earlyDue)}.", max.LegalSource));
        reasons.AddRange(regular.NeedsReview.Select(r => new Reason("Cần xem xét: " + r)));
        return new(true, months, basis, earlyDue, reasons);

        EarlyRaiseCandidacy No(string why, string? source = null)
        {
            reasons.Add(new(why, source));
            return new(false, 0, null, null, reasons);
        }
    }

    /// <summary>
    /// The early raise on a retirement notice (TT 08/2013/TT-BNV Art. 3(2); REGULATIONS §2.5): someone notified of
    /// retirement, not at the last step, who "from the notice to the retirement day is 12 months or less short of the
    /// regular raise" is raised 12 months early.
    /// </summary>
    /// <remarks>
    /// Read as: the regular date falls after the notice day and no later than the retirement day + <c>retirement.early-raise-months</c>.
    /// The shortfall only shrinks as time passes, so "12 months or less short at some time between the notice and the
    /// retirement day" holds exactly when it holds on the retirement day. A regular date on or before the notice day is a
    /// regular raise already due, not this one. The raise takes effect on the regular date minus the same months, which
    /// can be before the notice. MoHA's example: notice 06/2019, retirement 01/01/2020, regular date 01/09/2019 → eligible,
    /// from 01/09/2018; a regular date 18 months after retirement is not. Whether "trước ngày nghỉ hưu" should end the
    /// window one day earlier is not settled by the sources seen. As with the achievement raise, an extension in the
    /// holding period shows the two standards were not met throughout it.
    /// </remarks>
    public static RetirementRaise BeforeRetirement(StaffSalaryFacts facts, RegularRaise regular, SalaryLaw law)
    {
        var reasons = new List<Reason>();
        if (facts.Notice is not { } notice) return No("Chưa có thông báo nghỉ hưu.");
        reasons.Add(new($"Thông báo nghỉ hưu{Numbered(notice.DecisionNumber)} ngày {Date(notice.NoticeOn)}: nghỉ hưu ngày {Date(notice.RetiresOn)}."));

        if (regular.Track != RaiseTrack.StepRaise || regular.DueOn is not { } due)
            return No(regular.Track == RaiseTrack.BeyondFrame
                ? "Đang giữ bậc cuối: không nâng bậc lương trước thời hạn khi nghỉ hưu (xem phụ cấp thâm niên vượt khung)."
                : "Chưa xác định được ngày nâng bậc lương thường xuyên.");

        var months = law.Get(SalaryCodes.RetirementEarlyMonths, notice.NoticeOn);
        var m = (int)months.Value;
        if (due <= notice.NoticeOn)
            return No($"Đến hạn nâng bậc lương thường xuyên ngày {Date(due)}, trước ngày thông báo: nâng bậc thường xuyên.");
        if (due > notice.RetiresOn.AddMonths(m))
            return No($"Đến hạn nâng bậc lương thường xuyên ngày {Date(due)}, muộn hơn {m} tháng sau ngày nghỉ hưu {Date(notice.RetiresOn)}.",
                months.LegalSource);
        reasons.Add(new($"Đến hạn nâng bậc lương thường xuyên ngày {Date(due)}, không muộn hơn {m} tháng sau ngày nghỉ hưu {Date(notice.RetiresOn)}.",
            months.LegalSource));

        if (regular.ExtensionMonths > 0)
            return No($"Thời gian giữ bậc bị kéo dài {regular.ExtensionMonths} tháng do kỷ luật hoặc không hoàn thành nhiệm vụ: " +
                "không đạt đủ hai tiêu chuẩn trong suốt thời gian giữ bậc.");
        if (DisciplineWithin(facts, regular) is { } discipline)
            return No(Disciplined(discipline));

        var effective = due.AddMonths(-m);
        var target = $"bậc {regular.NextStep}" + (regular.NextCoefficient is { } c ? $" (hệ số {Coefficient(c)})" : "");
        reasons.Add(new($"Được nâng bậc lương trước thời hạn {m} tháng: hưởng {target} từ {Date(effective)}.", months.LegalSource));
        reasons.AddRange(regular.NeedsReview.Select(r => new Reason("Cần xem xét: " + r)));
        return new(true, effective, reasons);

        RetirementRaise No(string why, string? source = null)
        {
            reasons.Add(new(why, source));
            return new(false, null, reasons);
        }
    }

    /// <summary>
    /// A discipline in force during the holding period, annulled ones aside. The early raises need "no discipline throughout
    /// the holding period" (REGULATIONS §2.4, §2.5), whatever the form: a salary-step demotion, or a discipline older than
    /// the extension parameters, extends nothing here but still bars the early raise.
    /// </summary>
    private static DisciplineEvent? DisciplineWithin(StaffSalaryFacts facts, RegularRaise regular) =>
        regular.HeldSince is { } start && regular.DueOn is { } due
            ? facts.Disciplines.Where(d => d.AnnulledOn is null && d.EffectiveOn >= start && d.EffectiveOn < due).OrderBy(d => d.EffectiveOn).FirstOrDefault()
            : null;

    private static string Disciplined(DisciplineEvent d) =>
        $"Có quyết định kỷ luật {Of(d.Form)}{Decision(d.DecisionNumber)} (hiệu lực {Date(d.EffectiveOn)}) trong thời gian giữ bậc: " +
        "không đạt đủ hai tiêu chuẩn trong suốt thời gian giữ bậc.";

    /// <summary>The rows up to <paramref name="asOf"/> from the start of the unbroken run at the latest row's group and step.</summary>
    internal static List<SalaryStepHeld> Run(IReadOnlyList<SalaryStepHeld> steps, DateOnly asOf)
    {
        var rows = steps.Where(s => s.From <= asOf).OrderBy(s => s.From).ToList();
        if (rows.Count == 0) return rows;
        var first = rows.Count - 1;
        while (first > 0 && rows[first - 1].Group == rows[^1].Group && rows[first - 1].Step == rows[^1].Step) first--;
        return rows[first..];
    }

    private static RegularRaise Nothing(RaiseTrack track, SalaryStepHeld? current, string why) =>
        new(track, current, null, 0, 0, 0, null, null, null, current?.BeyondFramePercent, null, [new(why)], []);

    private static List<string> Review(IEnumerable<string> lines, IReadOnlyCollection<int> yearsWithoutRating)
    {
        var review = lines.Distinct().ToList();
        var years = yearsWithoutRating.Distinct().Order().ToList();
        if (years.Count == 1) review.Add($"Chưa có xếp loại năm {years[0]} trong thời gian giữ bậc: cần bổ sung để xác định đủ tiêu chuẩn.");
        else if (years.Count > 1) review.Add($"Chưa có xếp loại các năm {string.Join(", ", years)} trong thời gian giữ bậc: cần bổ sung để xác định đủ tiêu chuẩn.");
        return review;
    }
}
