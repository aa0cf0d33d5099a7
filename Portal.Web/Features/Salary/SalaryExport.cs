using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Documents;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Salary;

/// <summary>A file to hand out.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// The raise proposal list of a period (XLSX and DOCX in the administrative layout) and a person's salary history. Both
/// go through the services' role and scope checks, and each download is logged before its bytes leave.
/// </summary>
public sealed class SalaryExport(EligibilityService eligibility, IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock,
    IConfiguration configuration)
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ExportFile> ProposalAsync(SalaryPeriod period, EligibilityQuery query, bool docx, CancellationToken ct = default)
    {
        var list = await eligibility.ListAsync(query, ct);
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        var rows = list.Rows.Where(r => r.CanDecide).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == scope.UnitId, ct);
        var parent = unit.ParentId is { } parentId ? await db.Units.AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Name).SingleAsync(ct) : "";
        var proposal = new RaiseProposal(parent, unit.Name, TitleOf(rows), $"{period.Label.Replace("/", " năm ")}",
            configuration["Portal:Documents:Place"] ?? "Thành phố Hồ Chí Minh", clock.Today,
            unit.Kind == OrgUnitKind.School ? "HIỆU TRƯỞNG" : "THỦ TRƯỞNG ĐƠN VỊ", null,
            rows.Select(r => new RaiseProposalLine(r.FullName, r.BornOn, r.TitleName ?? "", r.Current!.TitleCode, r.Current.Step, r.Current.Coefficient,
                r.Current.From, r.Current.BeyondFramePercent,
                r.Kind == EligibilityKind.BeyondFrame ? null : r.NextStep, r.Kind == EligibilityKind.BeyondFrame ? null : r.NextCoefficient,
                r.Kind == EligibilityKind.BeyondFrame ? r.NextBeyondFramePercent : null, r.DueOn, KindLabel(r.Kind), Note(r))).ToList());
        var bytes = docx ? RaiseProposalDocument.Write(proposal) : RaiseProposalWorkbook.Write(proposal);
        await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Exported, "SalaryProposal", period.Code, ct, detail: $"{(docx ? "docx" : "xlsx")}, {rows.Count} người");
        var name = $"De_nghi_nang_luong_{period.Code}.{(docx ? "docx" : "xlsx")}";
        return new ExportFile(name, docx ? Docx : Xlsx, bytes);
    }

    /// <summary>A person's salary history as printed (Quá trình lương), or null outside the reader's scope.</summary>
    public async Task<ExportFile?> HistoryAsync(Guid staffId, bool docx, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == staffId && scope.UnitIds(db).Contains(s.UnitId))
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { s.Id, s.FullName, s.DateOfBirth, s.StaffCode, s.UnitId, UnitName = u.Name })
            .SingleOrDefaultAsync(ct);
        if (staff is null) return null;
        var lines = await (from r in db.SalaryRecords.AsNoTracking()
                           where r.StaffMemberId == staffId && r.SupersededAt == null && !r.Withdrawn && r.ValidFrom != null
                           join d in db.Decisions on r.DecisionId equals d.Id into g
                           from d in g.DefaultIfEmpty()
                           orderby r.ValidFrom
                           select new { r.ValidFrom, r.TitleCode, r.TitleName, r.SalaryGroup, r.Step, r.Coefficient, r.PercentReceived, r.SeniorityBeyondFramePercent,
                               Number = d.Number, SignedOn = (DateOnly?)d.SignedOn, r.Kind }).ToListAsync(ct);
        var sheet = new SalaryHistorySheet(staff.UnitName, staff.FullName, staff.DateOfBirth, staff.StaffCode, clock.Today,
            lines.Select(l => new SalaryHistoryLine(l.ValidFrom!.Value, l.TitleCode, l.TitleName, l.SalaryGroup, l.Step, l.Coefficient, l.PercentReceived,
                l.SeniorityBeyondFramePercent, l.Number, l.SignedOn, l.Kind is { } k ? EnumLabels.Of(k) : null)).ToList());
        var bytes = docx ? SalaryHistoryDocument.Write(sheet) : SalaryHistoryWorkbook.Write(sheet);
        await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Exported, "SalaryHistory", staffId.ToString(), ct, unitId: staff.UnitId, subjectId: staffId,
            detail: $"{(docx ? "docx" : "xlsx")}, {lines.Count} dòng");
        return new ExportFile($"Qua_trinh_luong_{staff.StaffCode ?? staffId.ToString("N")[..8]}.{(docx ? "docx" : "xlsx")}", docx ? Docx : Xlsx, bytes);
    }

    private static string TitleOf(IReadOnlyList<EligibilityRow> rows) => rows.Select(r => r.Kind).Distinct().ToList() switch
    {
        [EligibilityKind.RegularRaise] => "DANH SÁCH ĐỀ NGHỊ NÂNG BẬC LƯƠNG THƯỜNG XUYÊN",
        [EligibilityKind.BeyondFrame] => "DANH SÁCH ĐỀ NGHỊ HƯỞNG PHỤ CẤP THÂM NIÊN VƯỢT KHUNG",
        [EligibilityKind.EarlyForAchievement] or [EligibilityKind.EarlyBeforeRetirement] or [EligibilityKind.EarlyForAchievement, EligibilityKind.EarlyBeforeRetirement]
            or [EligibilityKind.EarlyBeforeRetirement, EligibilityKind.EarlyForAchievement] => "DANH SÁCH ĐỀ NGHỊ NÂNG BẬC LƯƠNG TRƯỚC THỜI HẠN",
        _ => "DANH SÁCH ĐỀ NGHỊ NÂNG BẬC LƯƠNG VÀ PHỤ CẤP THÂM NIÊN VƯỢT KHUNG",
    };

    private static string KindLabel(EligibilityKind kind) => kind switch
    {
        EligibilityKind.RegularRaise => "Thường xuyên",
        EligibilityKind.EarlyForAchievement => "Trước thời hạn (thành tích)",
        EligibilityKind.EarlyBeforeRetirement => "Trước thời hạn (nghỉ hưu)",
        _ => "PCTNVK",
    };

    /// <summary>The first reason that moved or qualified the date, or that the law leaves a point to a person.</summary>
    private static string? Note(EligibilityRow row)
    {
        var note = row.NeedsReview.Count > 0 ? "Cần xem xét: " + row.NeedsReview[0] : row.Reasons.Skip(1).FirstOrDefault()?.Text ?? row.Reasons.FirstOrDefault()?.Text;
        return note is { Length: > 240 } ? note[..237] + "…" : note;
    }
}
