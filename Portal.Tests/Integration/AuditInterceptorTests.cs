using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

public sealed class AuditInterceptorTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_writes_one_row_per_changed_field_with_old_and_new_values()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Võ Thị Sáu", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var created = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Tạ Thị Huệ")));
        var form = await portal.AsAsync<StaffFormModel?, StaffService>(officer, s => s.GetForEditAsync(created.Id!.Value));

        form!.FullName = "Tạ Thị Huệ Anh";
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.UpdateAsync(created.Id!.Value, form));

        await using var db = portal.ReadContext();
        var change = await db.AuditEntries.Where(a => a.EntityKey == created.Id.ToString() && a.Action == AuditAction.Modified).ToListAsync(Ct);
        var row = Assert.Single(change);
        Assert.Equal(("FullName", "Tạ Thị Huệ", "Tạ Thị Huệ Anh"), (row.Field, row.OldValue, row.NewValue));
    }

    [Fact]
    public async Task A_context_without_an_actor_cannot_save_and_nothing_reaches_the_database()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        await using var db = portal.ReadContext();
        db.Units.Add(new OrgUnit(Guid.CreateVersion7(), "Đơn vị ma", OrgUnitKind.School, null));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));

        await using var check = portal.ReadContext();
        Assert.False(await check.Units.AnyAsync(u => u.Name == "Đơn vị ma", Ct));
    }

    [Fact]
    public async Task Background_work_is_audited_as_the_system_and_secrets_are_masked()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Đinh Tiên Hoàng", OrgUnitKind.School, null);
        var user = await portal.CreateUserAsync(school, PortalRoles.Staff, "Mạc Thị Bưởi");

        await using var db = portal.ReadContext();
        var rows = await db.AuditEntries.Where(a => a.EntityKey == user.Id).ToListAsync(Ct);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("Hệ thống", school.Id), (r.UserName, r.UnitId)));
        Assert.Equal("***", rows.Single(r => r.Field == "SecurityStamp").NewValue);
    }

    [Fact]
    public async Task Migrations_are_all_applied_on_a_fresh_database()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        await using var db = portal.ReadContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration captures: run dotnet ef migrations add");
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.True(await db.DeadlineRules.AnyAsync(r => r.Code == "QC14-2021.D8.K1" && r.Days == 60, Ct),
            "the school regulation's 60-day rule is seeded as dated data");
    }
}
