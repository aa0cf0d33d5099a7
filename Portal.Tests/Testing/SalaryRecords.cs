using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;

namespace Portal.Tests.Testing;

/// <summary>Active staff records with a salary history, written as the system (the audit log names it), for the salary tests.</summary>
public static class SalaryRecords
{
    public sealed record Step(DateOnly From, string TitleCode, string Group, int Number, decimal Coefficient, decimal? BeyondFramePercent = null);

    /// <summary>An active record in <paramref name="unitId"/> with the given salary rows (and a teacher's title), returning its id.</summary>
    public static Task<Guid> CreateAsync(PortalHarness portal, Guid unitId, string fullName, DateOnly born, Gender gender, params Step[] steps) =>
        portal.AsSystemAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var recruited = steps.Length > 0 ? steps[0].From : new DateOnly(2015, 9, 1);
            var staff = new StaffMember(Guid.CreateVersion7(), unitId, new StaffIdentity(fullName, born, gender, StaffForms.UniqueCitizenId(), "Giáo viên tiểu học hạng III"),
                new Recruitment("12/QĐ-UBND", recruited));
            staff.SetTitle("V.07.03.29", "Giáo viên tiểu học hạng III");
            staff.Activate(recruited);
            db.Staff.Add(staff);
            foreach (var s in steps)
                db.SalaryRecords.Add(new SalaryRecord(staff.Id, Guid.CreateVersion7(), s.From, null, null, portal.Clock.GetUtcNow(), "test",
                    new SalaryDetails(s.TitleCode, "Giáo viên tiểu học hạng III", s.Group, s.Number, s.Coefficient, 100, s.BeyondFramePercent, null, RaiseKind.Regular)));
            await db.SaveChangesAsync();
            return staff.Id;
        });

    /// <summary>Adds rows of any history kind to a record, as the system.</summary>
    public static Task AddAsync(PortalHarness portal, params RecordRow[] rows) => portal.AsSystemAsync(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        foreach (var row in rows) db.Add(row);
        await db.SaveChangesAsync();
    });
}
