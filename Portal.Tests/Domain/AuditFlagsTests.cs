using Portal.Domain.Audit;

namespace Portal.Tests.Domain;

public sealed class AuditFlagsTests
{
    private static readonly AuditFlagRules Rules = new(new TimeOnly(7, 0), new TimeOnly(18, 0), 5, TimeSpan.FromMinutes(10));
    private static long _id;

    private static AuditFlagInput Row(DateTime at, string entity = "StaffMember", string field = "FullName", AuditAction action = AuditAction.Modified,
        string user = "u1", bool ownUnit = true, Guid? save = null) =>
        new(Interlocked.Increment(ref _id), save ?? Guid.NewGuid(), at, user, user + "@truong.demo", action, entity, field, ownUnit);

    public static TheoryData<string, DateTime, bool> Hours => new()
    {
        { "Monday 06:59", new(2026, 11, 30, 6, 59, 0), true },
        { "Monday 07:00", new(2026, 11, 30, 7, 0, 0), false },
        { "Monday 17:59", new(2026, 11, 30, 17, 59, 0), false },
        { "Monday 18:00", new(2026, 11, 30, 18, 0, 0), true },
        { "Saturday 10:00", new(2026, 11, 28, 10, 0, 0), true },
        { "Sunday 10:00", new(2026, 11, 29, 10, 0, 0), true },
    };

    [Theory]
    [MemberData(nameof(Hours))]
    public void Changes_outside_working_hours_and_at_weekends_are_flagged(string _, DateTime at, bool flagged) =>
        Assert.Equal(flagged, AuditFlags.Evaluate([Row(at)], Rules).Any(f => f.Kind == AuditFlagKind.OutsideWorkingHours));

    [Fact]
    public void Salary_and_citizen_id_changes_are_sensitive_and_a_save_is_flagged_once()
    {
        var monday = new DateTime(2026, 11, 30, 9, 0, 0);
        var save = Guid.NewGuid();
        var flags = AuditFlags.Evaluate([Row(monday, "SalaryRecord", "Step", save: save), Row(monday, "SalaryRecord", "Coefficient", save: save),
            Row(monday, "StaffMember", "CitizenId"), Row(monday, "StaffMember", "Phone")], Rules);

        Assert.Equal(2, flags.Count(f => f.Kind == AuditFlagKind.SensitiveField));
    }

    [Fact]
    public void Reads_and_sign_ins_are_not_flagged_even_at_night()
    {
        var night = new DateTime(2026, 11, 30, 23, 0, 0);
        Assert.Empty(AuditFlags.Evaluate([Row(night, action: AuditAction.Viewed), Row(night, action: AuditAction.SignedIn)], Rules));
    }

    [Fact]
    public void A_change_to_another_units_record_is_flagged()
    {
        var monday = new DateTime(2026, 11, 30, 9, 0, 0);
        Assert.Single(AuditFlags.Evaluate([Row(monday, ownUnit: false), Row(monday)], Rules), f => f.Kind == AuditFlagKind.OtherUnit);
    }

    [Fact]
    public void A_regulated_row_added_without_its_decision_field_is_flagged_but_one_with_it_is_not()
    {
        var monday = new DateTime(2026, 11, 30, 9, 0, 0);
        var without = Guid.NewGuid();
        var with = Guid.NewGuid();
        var flags = AuditFlags.Evaluate([
            Row(monday, "PositionRecord", "Position", AuditAction.Added, save: without),
            Row(monday, "PositionRecord", "Position", AuditAction.Added, save: with),
            Row(monday, "PositionRecord", "DecisionId", AuditAction.Added, save: with),
            Row(monday, "TrainingRecord", "Institution", AuditAction.Added),
        ], Rules);

        Assert.Equal([without], flags.Where(f => f.Kind == AuditFlagKind.WithoutDecision).Select(f => f.CorrelationId));
    }

    [Fact]
    public void More_changes_than_the_threshold_inside_the_window_is_one_burst_and_spread_out_changes_are_none()
    {
        var start = new DateTime(2026, 11, 30, 9, 0, 0);
        var burst = Enumerable.Range(0, 12).Select(i => Row(start.AddSeconds(i * 20), user: "nhanh")).ToList();
        var spread = Enumerable.Range(0, 12).Select(i => Row(start.AddMinutes(i * 3), user: "cham")).ToList();

        var flags = AuditFlags.Evaluate([.. burst, .. spread], Rules).Where(f => f.Kind == AuditFlagKind.Burst).ToList();

        Assert.Equal(["nhanh@truong.demo"], flags.Select(f => f.UserName).Distinct());
        Assert.Equal(2, flags.Count);
    }
}
