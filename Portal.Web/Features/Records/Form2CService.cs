using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Reference;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Documents;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>The Form 2C of a record, as DOCX or as data for the print view. Every download and print is audited.</summary>
public sealed class Form2CService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, IConfiguration configuration)
{
    public async Task<(string FileName, byte[] Bytes)?> DocxAsync(Guid staffId, CancellationToken ct = default)
    {
        var data = await LoadAsync(staffId, AuditAction.Exported, ct);
        if (data is null) return null;
        var name = new string(data.Staff.FullName.Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray()).Replace(' ', '_');
        return ($"So_yeu_ly_lich_2C_{name}.docx", Form2CDocument.Write(data));
    }

    public Task<Form2CData?> PrintAsync(Guid staffId, CancellationToken ct = default) => LoadAsync(staffId, AuditAction.Viewed, ct);

    private async Task<Form2CData?> LoadAsync(Guid staffId, AuditAction action, CancellationToken ct)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await RecordService.InScope(db, scope).AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null) return null;
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == staff.UnitId, ct);
        var parent = unit.ParentId is { } p ? await db.Units.AsNoTracking().Where(u => u.Id == p).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
        var codes = new[] { staff.EthnicityCode, staff.ReligionCode, staff.HighestQualificationCode, staff.PoliticalTheoryCode, staff.StateManagementCode };
        var items = await db.ReferenceItems.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
        string? Name(ReferenceKind kind, string? code) => code is null ? null : items.FirstOrDefault(i => i.Kind == kind && i.Code == code)?.Name ?? code;
        var canSeeRestricted = RecordService.RestrictedReaders.Any(scope.IsInRole);
        var restricted = canSeeRestricted
            ? await db.RestrictedParticulars.AsNoTracking().SingleOrDefaultAsync(r => r.StaffMemberId == staffId, ct) ?? new Domain.Staff.RestrictedParticulars(staffId)
            : null;
        var salaries = await Current<SalaryRecord>(db, staffId, ct);
        var data = new Form2CData(staff, parent ?? unit.Name, unit.Name,
            new Form2CNames(Name(ReferenceKind.Ethnicity, staff.EthnicityCode), Name(ReferenceKind.Religion, staff.ReligionCode),
                Name(ReferenceKind.QualificationLevel, staff.HighestQualificationCode), Name(ReferenceKind.PoliticalTheoryLevel, staff.PoliticalTheoryCode),
                Name(ReferenceKind.StateManagementLevel, staff.StateManagementCode)),
            RecordHistory.SalaryOn(salaries, clock.Today),
            RecordHistory.InForceOn(await Current<PositionRecord>(db, staffId, ct), clock.Today),
            RecordHistory.InForceOn(await Current<AllowanceRecord>(db, staffId, ct), clock.Today),
            await Current<TrainingRecord>(db, staffId, ct),
            await Current<WorkHistoryRecord>(db, staffId, ct),
            await Current<RatingRecord>(db, staffId, ct),
            await Current<AwardRecord>(db, staffId, ct),
            await Current<DisciplineRecord>(db, staffId, ct),
            await Current<FamilyMember>(db, staffId, ct),
            salaries,
            restricted,
            configuration["Portal:PrintPlace"] ?? "Thành phố Hồ Chí Minh",
            clock.Today);
        await AuditTrail.RecordAsync(db, clock.Now, action, "Form2C", staffId.ToString(), ct, unitId: staff.UnitId,
            detail: canSeeRestricted ? "kèm thông tin hạn chế" : null, subjectId: staffId);
        return data;
    }

    private static async Task<IReadOnlyList<T>> Current<T>(PortalDbContext db, Guid staffId, CancellationToken ct) where T : RecordRow =>
        RecordHistory.Timeline(await db.Set<T>().AsNoTracking().Where(r => r.StaffMemberId == staffId && r.SupersededAt == null).ToListAsync(ct));
}
