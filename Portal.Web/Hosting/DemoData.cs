using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Decisions;
using Portal.Domain.Dossier;
using Portal.Domain.Organisation;
using Portal.Domain.Salary;
using Portal.Domain.Reference;
using Portal.Domain.Staff.History;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Deadlines;
using Portal.Web.Shared;

namespace Portal.Web.Hosting;

/// <summary>
/// The demo: a Department, a ward, two schools, one account per role and a few dozen staff members. Every name is
/// invented. The known demo password exists only here and is seeded only when the demo is asked for (always with the
/// local database, otherwise only with Portal:Demo=true), so it never reaches a real installation by accident.
/// </summary>
/// <summary>Whether this installation runs the demo; the sign-in page then shows the demo accounts.</summary>
public sealed record DemoMode(bool IsOn);

internal sealed class DemoData(IDbContextFactory<PortalDbContext> contexts, UserManager<PortalUser> users, ObligationOpener obligations,
    SchoolClock clock)
{
    public const string Password = "demo-portal-2026";

    private static readonly Guid DepartmentId = Guid.Parse("0193a000-0000-7000-9000-000000000001");
    private static readonly Guid WardId = Guid.Parse("0193a000-0000-7000-9000-000000000002");
    public static readonly Guid HoaSenId = Guid.Parse("0193a000-0000-7000-9000-000000000003");
    public static readonly Guid AnhDuongId = Guid.Parse("0193a000-0000-7000-9000-000000000004");

    public static readonly IReadOnlyList<(string Email, string Name, string Role, Guid Unit)> Accounts =
    [
        ("admin@portal.demo", "Quản trị Hệ Thống", PortalRoles.Admin, DepartmentId),
        ("hieutruong@hoasen.demo", "Trần Thị Minh Châu", PortalRoles.Principal, HoaSenId),
        ("vanthu@hoasen.demo", "Phạm Thu Hà", PortalRoles.RecordsOfficer, HoaSenId),
        ("giaovien@hoasen.demo", "Lê Văn Khoa", PortalRoles.Staff, HoaSenId),
        ("hieutruong@anhduong.demo", "Võ Quốc Bảo", PortalRoles.Principal, AnhDuongId),
        ("vanthu@anhduong.demo", "Ngô Thị Lan Anh", PortalRoles.RecordsOfficer, AnhDuongId),
        ("phuong@portal.demo", "Đỗ Quang Vinh", PortalRoles.Supervisor, WardId),
    ];

    /// <summary>Seeds the demo once; false when it was already there.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Units.AnyAsync(u => u.Id == DepartmentId, ct)) return false;

        var department = new OrgUnit(DepartmentId, "Sở Giáo dục và Đào tạo (demo)", OrgUnitKind.Department, null);
        var ward = new OrgUnit(WardId, "Ủy ban nhân dân Phường Hòa Bình (demo)", OrgUnitKind.Ward, department);
        var hoaSen = new OrgUnit(HoaSenId, "Trường Tiểu học Hoa Sen", OrgUnitKind.School, ward);
        var anhDuong = new OrgUnit(AnhDuongId, "Trường Tiểu học Ánh Dương", OrgUnitKind.School, ward);
        // Primary schools in a city: the 35% preferential allowance; class II and III for the position allowance.
        hoaSen.ApplySchoolProfile(SchoolLevel.Primary, SchoolArea.Urban, 2);
        anhDuong.ApplySchoolProfile(SchoolLevel.Primary, SchoolArea.Urban, 3);
        db.Units.AddRange(department, ward, hoaSen, anhDuong);
        await db.SaveChangesAsync(ct);

        foreach (var (email, name, role, unit) in Accounts)
        {
            var user = new PortalUser { UserName = email, Email = email, FullName = name, UnitId = unit, EmailConfirmed = true };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }

        var random = new Random(2026);
        var today = clock.Today;
        var scale = await db.SalaryScale.AsNoTracking().ToListAsync(ct);
        var titleGroups = await db.TitleDefinitions.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.SalaryGroup, ct);
        var requiredPapers = await db.DossierItemTypes.AsNoTracking().Where(t => t.RequiredAtRecruitment).Select(t => t.Code).ToListAsync(ct);
        foreach (var (unit, count, prefix) in new[] { (HoaSenId, 28, "079"), (AnhDuongId, 22, "080") })
        {
            for (var i = 0; i < count; i++)
            {
                var staff = InventStaff(random, unit, prefix, i, today);
                db.Staff.Add(staff);
                if (staff.Status == StaffStatus.Active)
                    FillRecord(db, staff, random, unit == HoaSenId ? hoaSen.Name : anhDuong.Name, scale, titleGroups, requiredPapers);
                var obligation = await obligations.OpenForRecruitmentAsync(db, staff, ct);
                // Older records were completed in their time (a few late), so the demo's overdue list is the recent ones.
                if (obligation is not null && obligation.DueOn < today.AddDays(-30))
                    obligation.Complete(staff.RecruitmentDecisionDate.AddDays(random.Next(5, 70)));
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] FemaleNames = ["Thị Thanh Hương", "Thị Mai Anh", "Ngọc Diệp", "Thị Hồng Nhung", "Thu Trang", "Thị Kim Oanh", "Bảo Ngọc", "Thị Tuyết Mai", "Minh Thư", "Thị Lệ Quyên"];
    private static readonly string[] MaleNames = ["Văn Hùng", "Quốc Tuấn", "Minh Đức", "Hữu Phước", "Thanh Tùng", "Đức Thắng", "Văn Lộc", "Gia Huy", "Trọng Nghĩa", "Công Danh"];
    private static readonly (string Code, string Name)[] Titles =
    [
        ("V.07.03.29", "Giáo viên tiểu học hạng III"), ("V.07.03.28", "Giáo viên tiểu học hạng II"), ("V.07.03.27", "Giáo viên tiểu học hạng I"),
        ("06.031", "Kế toán viên"), ("02.008", "Văn thư viên trung cấp"), ("V.10.02.06", "Thư viện viên hạng III"),
    ];

    /// <summary>
    /// An active demo record as an officer would have kept it: the recruitment decision, salary steps every three years,
    /// the work history, education, and the paper dossier, with a paper or two missing here and there.
    /// </summary>
    private void FillRecord(PortalDbContext db, StaffMember staff, Random random, string unitName, IReadOnlyList<SalaryScaleStep> scale,
        IReadOnlyDictionary<string, string?> titleGroups, IReadOnlyList<string> requiredPapers)
    {
        var recruited = staff.RecruitmentDecisionDate;
        var now = clock.Now;
        var decision = new Decision(Guid.CreateVersion7(), staff.UnitId, staff.Id,
            new DecisionParticulars(staff.RecruitmentDecisionNumber, DecisionKind.Recruitment, "Tuyển dụng viên chức", "Nguyễn Văn Bình (demo)",
                "Ủy ban nhân dân quận (cũ)", recruited, recruited), now);
        db.Decisions.Add(decision);
        var teaches = staff.TitleCode?.StartsWith("V.07.03", StringComparison.Ordinal) == true;
        staff.Apply(new Employment(null, recruited, "Ủy ban nhân dân quận (cũ)", "Sinh viên", recruited, teaches ? "Giảng dạy" : "Hành chính",
            null, null, null, teaches, teaches ? recruited : null));
        staff.Apply(new Education("12/12", random.Next(5) == 0 ? "THS" : "DH", null, null, null, "Tiếng Anh B1", "Ứng dụng CNTT cơ bản"));
        var group = staff.TitleCode is { } code ? titleGroups.GetValueOrDefault(code) : null;
        // A step every raise period of the group (36 or 24 months) up to today; about one in eight has a raise that fell
        // due and was never decided, so the salary screen shows work waiting.
        var interval = group is null ? 36 : scale.Where(s => s.Group == group).Select(s => s.RaiseIntervalMonths).DefaultIfEmpty(36).First();
        var lastStep = group is null ? 0 : scale.Where(s => s.Group == group).Select(s => s.Step).DefaultIfEmpty(1).Max();
        var undecided = random.Next(8) == 0;
        for (var step = 1; step <= lastStep; step++)
        {
            var from = recruited.AddMonths(interval * (step - 1));
            if (from > clock.Today || (undecided && step > 1 && from.AddMonths(interval) > clock.Today)) break;
            if (SalaryScaleStep.CoefficientOn(scale, group!, step, from) is not { } coefficient) break;
            db.SalaryRecords.Add(new SalaryRecord(staff.Id, Guid.CreateVersion7(), from, null, step == 1 ? decision.Id : null, now, "demo",
                new SalaryDetails(staff.TitleCode!, staff.ProfessionalTitle, group!, step, coefficient, 100, null, recruited,
                    step == 1 ? RaiseKind.Placement : RaiseKind.Regular)));
        }
        // Yearly ratings since 2021; now and then an award worth an early raise, or a reprimand that delays one.
        for (var year = Math.Max(2021, recruited.Year); year < clock.Today.Year; year++)
            db.RatingRecords.Add(new RatingRecord(staff.Id, Guid.CreateVersion7(), null, now, "demo",
                new RatingDetails(year, random.Next(4) == 0 ? "Hoàn thành xuất sắc nhiệm vụ" : "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến", null)));
        if (random.Next(6) == 0)
            db.AwardRecords.Add(new AwardRecord(staff.Id, Guid.CreateVersion7(), new DateOnly(clock.Today.Year - 1, 6, 15), null, now, "demo",
                new AwardDetails("Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố", "Hoàn thành xuất sắc nhiệm vụ năm học", "UBND Thành phố Hồ Chí Minh")));
        if (random.Next(15) == 0)
            db.DisciplineRecords.Add(new DisciplineRecord(staff.Id, Guid.CreateVersion7(), clock.Today.AddMonths(-8), clock.Today.AddMonths(-2), null, now, "demo",
                new DisciplineDetails(DisciplineForm.Reprimand, false, "Vi phạm quy chế chuyên môn", "Hiệu trưởng")));
        db.WorkHistoryRecords.Add(new WorkHistoryRecord(staff.Id, Guid.CreateVersion7(), recruited, null, null, now, "demo",
            new WorkHistoryDetails(unitName, staff.ProfessionalTitle)));
        var missing = random.Next(4) == 0 ? requiredPapers[random.Next(requiredPapers.Count)] : null;
        var onFile = requiredPapers.Where(p => p != missing).ToList();
        foreach (var paper in onFile)
        {
            var item = new DossierItem(Guid.CreateVersion7(), staff.Id, paper);
            item.SetOnFile(true, null);
            db.DossierItems.Add(item);
        }
        staff.SetCompleteness(RecordCompleteness.Evaluate(staff, group is not null, true, requiredPapers, onFile).Percent);
    }

    private static StaffMember InventStaff(Random random, Guid unit, string prefix, int index, DateOnly today)
    {
        var female = random.Next(100) < 75;
        var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} {(female ? FemaleNames : MaleNames)[random.Next(10)]}";
        var born = new DateOnly(random.Next(1968, 2001), random.Next(1, 13), random.Next(1, 29));
        // Most were recruited years ago; a few recently, so the demo shows obligations overdue and falling due.
        var recruited = index switch
        {
            0 => today.AddDays(-75),
            1 => today.AddDays(-62),
            2 => today.AddDays(-56),
            3 => today.AddDays(-20),
            _ => born.AddYears(22 + random.Next(0, 8)),
        };
        if (recruited > today) recruited = today.AddDays(-400);
        var citizenId = $"{prefix}{(born.Year >= 2000 ? (female ? 3 : 2) : (female ? 1 : 0))}{born.Year % 100:00}{random.Next(0, 1_000_000):000000}";
        var title = Titles[random.Next(Titles.Length)];
        var staff = new StaffMember(Guid.CreateVersion7(), unit,
            new StaffIdentity(name, born, female ? Gender.Female : Gender.Male, citizenId, title.Name),
            new Recruitment($"{random.Next(10, 300)}/QĐ-UBND", recruited));
        staff.SetTitle(title.Code, title.Name);
        staff.Apply(new PersonalParticulars(null, recruited.AddYears(-3), new Address("Thành phố Hồ Chí Minh", null, null, null),
            new Address(random.Next(2) == 0 ? "Tỉnh Đồng Tháp" : "Tỉnh Vĩnh Long", null, null, null), "01", "00", null, null, null, null,
            new Address("Thành phố Hồ Chí Minh", "Phường An Lạc", null, null), null));
        // The newest recruits are still being typed in (drafts); everyone else is an active record.
        if (index > 3) staff.Activate(recruited);
        return staff;
    }
}
