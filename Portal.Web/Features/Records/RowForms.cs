using System.ComponentModel.DataAnnotations;
using Portal.Domain.Salary;
using Portal.Domain.Staff.History;
using Portal.Web.Resources;

namespace Portal.Web.Features.Records;

/// <summary>A form with a from–to period, for the shared date fields.</summary>
public interface IPeriodForm
{
    DateTime? From { get; set; }
    DateTime? To { get; set; }
}

/// <summary>What every history-row form shares: the decision, the reason for a correction, and a from–to period checked in order.</summary>
public abstract class RowForm<TRow> : IRowForm<TRow>, IPeriodForm, IValidatableObject where TRow : RecordRow
{
    public Guid? DecisionId { get; set; }
    [StringLength(500, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? Reason { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }

    public abstract TRow ToRow(RowStamp stamp);

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { } from && To is { } to && to < from)
            yield return new ValidationResult(Strings.EndBeforeStart, [nameof(To)]);
    }

    protected DateOnly? FromDate => From is { } d ? DateOnly.FromDateTime(d) : null;
    protected DateOnly? ToDate => To is { } d ? DateOnly.FromDateTime(d) : null;

    protected static DateTime? ToDateTime(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    protected void Load(RecordRow row)
    {
        DecisionId = row.DecisionId;
        From = ToDateTime(row.ValidFrom);
        To = ToDateTime(row.ValidTo);
    }
}

public sealed class SalaryRowForm : RowForm<SalaryRecord>
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TitleRequired))]
    public string? TitleCode { get; set; }
    public string TitleName { get; set; } = "";
    public string? SalaryGroup { get; set; }
    [Range(1, 20, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.StepInvalid))]
    public int Step { get; set; } = 1;
    [Range(0.01, 20, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CoefficientInvalid))]
    public decimal Coefficient { get; set; }
    [Range(1, 100, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.PercentInvalid))]
    public decimal PercentReceived { get; set; } = 100;
    [Range(0, 100, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.PercentInvalid))]
    public decimal? SeniorityBeyondFramePercent { get; set; }
    public DateTime? TitleAppointedOn { get; set; }
    public RaiseKind? Kind { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null) yield return new ValidationResult(Strings.SalaryFromRequired, [nameof(From)]);
        foreach (var r in base.Validate(validationContext)) yield return r;
    }

    public override SalaryRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate!.Value, ToDate, DecisionId, s.RecordedAt, s.RecordedBy,
        new SalaryDetails(TitleCode!, TitleName, SalaryGroup, Step, Coefficient, PercentReceived, SeniorityBeyondFramePercent,
            TitleAppointedOn is { } d ? DateOnly.FromDateTime(d) : null, Kind));

    public static SalaryRowForm Of(SalaryRecord r)
    {
        var f = new SalaryRowForm
        {
            TitleCode = r.TitleCode, TitleName = r.TitleName, SalaryGroup = r.SalaryGroup, Step = r.Step, Coefficient = r.Coefficient,
            PercentReceived = r.PercentReceived, SeniorityBeyondFramePercent = r.SeniorityBeyondFramePercent, TitleAppointedOn = ToDateTime(r.TitleAppointedOn),
            Kind = r.Kind,
        };
        f.Load(r);
        return f;
    }
}

public sealed class PositionRowForm : RowForm<PositionRecord>
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.PositionRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Position { get; set; } = "";
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? Organisation { get; set; }
    public bool Concurrent { get; set; }
    [Range(0, 5, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CoefficientInvalid))]
    public decimal? AllowanceCoefficient { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null) yield return new ValidationResult(Strings.FromRequired, [nameof(From)]);
        foreach (var r in base.Validate(validationContext)) yield return r;
    }

    public override PositionRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate!.Value, ToDate, DecisionId, s.RecordedAt, s.RecordedBy,
        new PositionDetails(Position, Organisation, Concurrent, AllowanceCoefficient));

    public static PositionRowForm Of(PositionRecord r)
    {
        var f = new PositionRowForm { Position = r.Position, Organisation = r.Organisation, Concurrent = r.Concurrent, AllowanceCoefficient = r.AllowanceCoefficient };
        f.Load(r);
        return f;
    }
}

public sealed class AllowanceRowForm : RowForm<AllowanceRecord>
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.AllowanceKindRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Kind { get; set; } = "";
    [Range(0, 100, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.PercentInvalid))]
    public decimal? Percent { get; set; }
    [Range(0, 20, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CoefficientInvalid))]
    public decimal? Coefficient { get; set; }
    [Range(0, 1_000_000_000, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.AmountInvalid))]
    public long? AmountVnd { get; set; }
    public string? Form { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null) yield return new ValidationResult(Strings.FromRequired, [nameof(From)]);
        if (Percent is null && Coefficient is null && AmountVnd is null)
            yield return new ValidationResult(Strings.AllowanceValueRequired, [nameof(Percent)]);
        foreach (var r in base.Validate(validationContext)) yield return r;
    }

    public override AllowanceRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate!.Value, ToDate, DecisionId, s.RecordedAt, s.RecordedBy,
        new AllowanceDetails(Kind, Percent, Coefficient, AmountVnd, Form));

    public static AllowanceRowForm Of(AllowanceRecord r)
    {
        var f = new AllowanceRowForm { Kind = r.Kind, Percent = r.Percent, Coefficient = r.Coefficient, AmountVnd = r.AmountVnd, Form = r.Form };
        f.Load(r);
        return f;
    }
}

public sealed class TrainingRowForm : RowForm<TrainingRecord>
{
    public TrainingKind Kind { get; set; } = TrainingKind.Professional;
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.InstitutionRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Institution { get; set; } = "";
    public string? Major { get; set; }
    public string? Mode { get; set; }
    public string? Qualification { get; set; }
    public string? Language { get; set; }
    public string? Score { get; set; }

    public override TrainingRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate, ToDate, DecisionId, s.RecordedAt, s.RecordedBy,
        new TrainingDetails(Kind, Institution, Major, Mode, Qualification, Language, Score));

    public static TrainingRowForm Of(TrainingRecord r)
    {
        var f = new TrainingRowForm { Kind = r.Kind, Institution = r.Institution, Major = r.Major, Mode = r.Mode, Qualification = r.Qualification, Language = r.Language, Score = r.Score };
        f.Load(r);
        return f;
    }
}

public sealed class WorkHistoryRowForm : RowForm<WorkHistoryRecord>
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.OrganisationRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Organisation { get; set; } = "";
    public string? Role { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null) yield return new ValidationResult(Strings.FromRequired, [nameof(From)]);
        foreach (var r in base.Validate(validationContext)) yield return r;
    }

    public override WorkHistoryRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate!.Value, ToDate, DecisionId, s.RecordedAt, s.RecordedBy,
        new WorkHistoryDetails(Organisation, Role));

    public static WorkHistoryRowForm Of(WorkHistoryRecord r)
    {
        var f = new WorkHistoryRowForm { Organisation = r.Organisation, Role = r.Role };
        f.Load(r);
        return f;
    }
}

public sealed class RatingRowForm : RowForm<RatingRecord>
{
    [Range(1945, 2200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.YearInvalid))]
    /// <summary>Set by the caller to the school's current year.</summary>
    public int Year { get; set; }
    public string? ProfessionalRating { get; set; }
    public string? EmulationRating { get; set; }
    public string? AwardForm { get; set; }

    public override RatingRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, DecisionId, s.RecordedAt, s.RecordedBy,
        new RatingDetails(Year, ProfessionalRating, EmulationRating, AwardForm));

    public static RatingRowForm Of(RatingRecord r) =>
        new() { DecisionId = r.DecisionId, Year = r.Year, ProfessionalRating = r.ProfessionalRating, EmulationRating = r.EmulationRating, AwardForm = r.AwardForm };
}

public sealed class AwardRowForm : RowForm<AwardRecord>
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.AwardFormRequired))]
    public string Form { get; set; } = "";
    public string? AwardReason { get; set; }
    public string? DecidingBody { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null) yield return new ValidationResult(Strings.FromRequired, [nameof(From)]);
    }

    public override AwardRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate!.Value, DecisionId, s.RecordedAt, s.RecordedBy,
        new AwardDetails(Form, AwardReason, DecidingBody));

    public static AwardRowForm Of(AwardRecord r)
    {
        var f = new AwardRowForm { Form = r.Form, AwardReason = r.Reason, DecidingBody = r.DecidingBody };
        f.Load(r);
        return f;
    }
}

public sealed class DisciplineRowForm : RowForm<DisciplineRecord>
{
    public Domain.Staff.History.DisciplineForm Form { get; set; } = Domain.Staff.History.DisciplineForm.Reprimand;
    public bool Party { get; set; }
    public string? Violation { get; set; }
    public string? DecidingBody { get; set; }
    public DateTime? AnnulledOn { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null) yield return new ValidationResult(Strings.FromRequired, [nameof(From)]);
        if (From is { } from && AnnulledOn is { } annulled && annulled < from) yield return new ValidationResult(Strings.AnnulledBeforeEffect, [nameof(AnnulledOn)]);
        foreach (var r in base.Validate(validationContext)) yield return r;
    }

    public override DisciplineRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate!.Value, ToDate, DecisionId, s.RecordedAt, s.RecordedBy,
        new DisciplineDetails(Form, Party, Violation, DecidingBody, AnnulledOn is { } a ? DateOnly.FromDateTime(a) : null));

    public static DisciplineRowForm Of(DisciplineRecord r)
    {
        var f = new DisciplineRowForm { Form = r.Form, Party = r.Party, Violation = r.Violation, DecidingBody = r.DecidingBody, AnnulledOn = ToDateTime(r.AnnulledOn) };
        f.Load(r);
        return f;
    }
}

public sealed class FamilyRowForm : RowForm<FamilyMember>
{
    public FamilySide Side { get; set; } = FamilySide.Own;
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.RelationRequired))]
    public string Relation { get; set; } = "";
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.FullNameRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string FullName { get; set; } = "";
    [Range(1850, 2200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.YearInvalid))]
    public int? BirthYear { get; set; }
    [StringLength(1000, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? Description { get; set; }

    public override FamilyMember ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, s.RecordedAt, s.RecordedBy,
        new FamilyDetails(Side, Relation, FullName, BirthYear, Description));

    public static FamilyRowForm Of(FamilyMember r) =>
        new() { Side = r.Side, Relation = r.Relation, FullName = r.FullName, BirthYear = r.BirthYear, Description = r.Description };
}

/// <summary>Time away (leave, suspension, secondment …): both ends required, as the raise rules count its days.</summary>
public sealed class AbsenceRowForm : RowForm<AbsenceRecord>
{
    public AbsenceKind Kind { get; set; } = AbsenceKind.UnpaidLeave;
    [StringLength(500, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? Note { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null) yield return new ValidationResult(Strings.FromRequired, [nameof(From)]);
        if (To is null) yield return new ValidationResult(Strings.ToRequired, [nameof(To)]);
        foreach (var r in base.Validate(validationContext)) yield return r;
    }

    public override AbsenceRecord ToRow(RowStamp s) => new(s.StaffMemberId, s.LineageId, FromDate!.Value, ToDate!.Value, DecisionId, s.RecordedAt, s.RecordedBy,
        new AbsenceDetails(Kind, Note));

    public static AbsenceRowForm Of(AbsenceRecord r)
    {
        var f = new AbsenceRowForm { Kind = r.Kind, Note = r.Note };
        f.Load(r);
        return f;
    }
}
