using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Decisions;
using Portal.Domain.Dossier;
using Portal.Domain.Law;
using Portal.Domain.Organisation;
using Portal.Domain.Reference;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class RestrictedParticularsConfiguration : IEntityTypeConfiguration<RestrictedParticulars>
{
    public void Configure(EntityTypeBuilder<RestrictedParticulars> b)
    {
        b.ToTable("staff_restricted");
        b.HasKey(x => x.StaffMemberId);
        b.Property(x => x.BloodType).HasMaxLength(10);
        b.Property(x => x.WeightKg).HasPrecision(5, 1);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<StaffMember>().WithOne().HasForeignKey<RestrictedParticulars>(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// History rows: one table per kind (TPC), sharing the versioning columns. The current view is a filter on
/// "SupersededAt" IS NULL, so each table has a partial index for it.
/// </summary>
internal sealed class RecordRowConfiguration : IEntityTypeConfiguration<RecordRow>
{
    public void Configure(EntityTypeBuilder<RecordRow> b)
    {
        b.UseTpcMappingStrategy();
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsRowVersion();
        // A draft's rows go with it when it is discarded; a record that was ever active is never deleted.
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.StaffMemberId, x.ValidFrom }).HasFilter("\"SupersededAt\" IS NULL");
        b.HasIndex(x => x.LineageId);
    }
}

internal sealed class SalaryRecordConfiguration : IEntityTypeConfiguration<SalaryRecord>
{
    public void Configure(EntityTypeBuilder<SalaryRecord> b)
    {
        b.ToTable("salary_records");
        b.Property(x => x.TitleCode).HasMaxLength(20);
        b.Property(x => x.SalaryGroup).HasMaxLength(10);
        b.Property(x => x.Coefficient).HasPrecision(5, 2);
        b.Property(x => x.PercentReceived).HasPrecision(5, 2);
        b.Property(x => x.SeniorityBeyondFramePercent).HasPrecision(5, 2);
    }
}

internal sealed class PositionRecordConfiguration : IEntityTypeConfiguration<PositionRecord>
{
    public void Configure(EntityTypeBuilder<PositionRecord> b)
    {
        b.ToTable("position_records");
        b.Property(x => x.AllowanceCoefficient).HasPrecision(5, 2);
    }
}

internal sealed class AllowanceRecordConfiguration : IEntityTypeConfiguration<AllowanceRecord>
{
    public void Configure(EntityTypeBuilder<AllowanceRecord> b)
    {
        b.ToTable("allowance_records");
        b.Property(x => x.Percent).HasPrecision(5, 2);
        b.Property(x => x.Coefficient).HasPrecision(5, 2);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b) => b.ToTable("training_records");
}

internal sealed class WorkHistoryRecordConfiguration : IEntityTypeConfiguration<WorkHistoryRecord>
{
    public void Configure(EntityTypeBuilder<WorkHistoryRecord> b) => b.ToTable("work_history_records");
}

internal sealed class RatingRecordConfiguration : IEntityTypeConfiguration<RatingRecord>
{
    public void Configure(EntityTypeBuilder<RatingRecord> b) => b.ToTable("rating_records");
}

internal sealed class AwardRecordConfiguration : IEntityTypeConfiguration<AwardRecord>
{
    public void Configure(EntityTypeBuilder<AwardRecord> b) => b.ToTable("award_records");
}

internal sealed class DisciplineRecordConfiguration : IEntityTypeConfiguration<DisciplineRecord>
{
    public void Configure(EntityTypeBuilder<DisciplineRecord> b) => b.ToTable("discipline_records");
}

internal sealed class AbsenceRecordConfiguration : IEntityTypeConfiguration<AbsenceRecord>
{
    public void Configure(EntityTypeBuilder<AbsenceRecord> b)
    {
        b.ToTable("absence_records");
        b.Property(x => x.Note).HasMaxLength(500);
    }
}

internal sealed class EarlyRaiseLevelConfiguration : IEntityTypeConfiguration<EarlyRaiseLevel>
{
    public void Configure(EntityTypeBuilder<EarlyRaiseLevel> b)
    {
        b.ToTable("early_raise_levels", t => t.HasCheckConstraint("ck_early_raise_levels_months", "\"MonthsEarly\" BETWEEN 0 AND 36 AND \"Rank\" >= 1"));
        b.Property(x => x.FormPrefix).HasMaxLength(200);
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.UnitId, x.FormPrefix }).IsUnique().AreNullsDistinct(false);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> b) => b.ToTable("family_members");
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.ToTable("decisions", t => t.HasCheckConstraint("ck_decisions_effective", "\"EffectiveOn\" >= \"SignedOn\""));
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Signer).HasMaxLength(200);
        b.Property(x => x.IssuingBody).HasMaxLength(300);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.UnitId, x.SignedOn });
        b.HasIndex(x => x.StaffMemberId);
        // The salary rules read each person's retirement notice or decision; a partial index keeps that to the few rows
        // that are one (10 = Retirement, 12 = RetirementNotice) instead of scanning every decision of the city.
        b.HasIndex(x => new { x.StaffMemberId, x.Kind }, "IX_decisions_retirement").HasFilter("\"Kind\" IN (10, 12)");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments", t => t.HasCheckConstraint("ck_attachments_owner", "\"DecisionId\" IS NOT NULL OR \"DossierItemCode\" IS NOT NULL"));
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.Property(x => x.DossierItemCode).HasMaxLength(20);
        b.HasIndex(x => new { x.SeriesId, x.VersionNumber }).IsUnique();
        b.HasIndex(x => x.StaffMemberId);
        b.HasIndex(x => x.DecisionId);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.ToTable("attachment_contents");
        b.HasKey(x => x.AttachmentId);
        b.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierItemTypeConfiguration : IEntityTypeConfiguration<DossierItemType>
{
    public void Configure(EntityTypeBuilder<DossierItemType> b)
    {
        b.ToTable("dossier_item_types");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Version).IsRowVersion();
    }
}

internal sealed class DossierItemConfiguration : IEntityTypeConfiguration<DossierItem>
{
    public void Configure(EntityTypeBuilder<DossierItem> b)
    {
        b.ToTable("dossier_items");
        b.Property(x => x.TypeCode).HasMaxLength(20);
        b.Property(x => x.CheckedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.StaffMemberId, x.TypeCode }).IsUnique();
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DossierItemType>().WithMany().HasForeignKey(x => x.TypeCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferenceItemConfiguration : IEntityTypeConfiguration<ReferenceItem>
{
    public void Configure(EntityTypeBuilder<ReferenceItem> b)
    {
        b.ToTable("reference_items");
        b.HasKey(x => new { x.Kind, x.Code });
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.ParentCode).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Version).IsRowVersion();
    }
}

internal sealed class TitleDefinitionConfiguration : IEntityTypeConfiguration<TitleDefinition>
{
    public void Configure(EntityTypeBuilder<TitleDefinition> b)
    {
        b.ToTable("title_definitions");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.SalaryGroup).HasMaxLength(10);
        b.Property(x => x.ReplacedBy).HasMaxLength(20);
        b.Property(x => x.Version).IsRowVersion();
    }
}

internal sealed class SalaryScaleStepConfiguration : IEntityTypeConfiguration<SalaryScaleStep>
{
    public void Configure(EntityTypeBuilder<SalaryScaleStep> b)
    {
        b.ToTable("salary_scale_steps", t =>
        {
            t.HasCheckConstraint("ck_salary_scale_steps_period", "\"InForceUntil\" IS NULL OR \"InForceUntil\" >= \"InForceFrom\"");
            t.HasCheckConstraint("ck_salary_scale_steps_coefficient", "\"Coefficient\" > 0");
        });
        b.Property(x => x.Group).HasMaxLength(10);
        b.Property(x => x.Coefficient).HasPrecision(5, 2);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.Group, x.Step, x.InForceFrom }).IsUnique();
    }
}

internal sealed class LegalParameterConfiguration : IEntityTypeConfiguration<LegalParameter>
{
    public void Configure(EntityTypeBuilder<LegalParameter> b)
    {
        b.ToTable("legal_parameters", t => t.HasCheckConstraint("ck_legal_parameters_period", "\"InForceUntil\" IS NULL OR \"InForceUntil\" >= \"InForceFrom\""));
        b.Property(x => x.Code).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.Code, x.InForceFrom }).IsUnique();
    }
}
