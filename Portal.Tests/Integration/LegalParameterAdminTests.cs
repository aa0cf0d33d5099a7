using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Npgsql;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Domain.Salary;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Data.Seed;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.LegalParameters;
using Portal.Web.Features.SalaryScale;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>
/// The Admin's screens for the dated law the salary rules read: legal parameters (/admin/legal-parameters) and the salary
/// scale (/admin/salary-scale). Each test has its own database cloned from the seeded template, so the real codes
/// (<c>salary.base</c>) and groups (A1) are edited freely.
/// </summary>
public sealed class LegalParameterAdminTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task A_new_base_salary_from_a_date_ends_the_open_one_the_day_before_and_the_law_reads_each_on_its_days()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var open = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceUntil is null);
        Assert.Equal((2_530_000m, D(2026, 7, 1)), (open.Value, open.InForceFrom));

        var result = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.AddValueAsync(SalaryCodes.BaseSalary,
            new NewParameterValue(2_800_000m, D(2027, 7, 1), "Nghị định thử nghiệm về mức lương cơ sở"), new OpenedRow(open.Id, open.Version), Ct));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.ReadContext();
        var rows = await db.LegalParameters.Where(p => p.Code == SalaryCodes.BaseSalary).OrderBy(p => p.InForceFrom).ToListAsync(Ct);
        Assert.Equal(D(2027, 6, 30), rows.Single(p => p.Id == open.Id).InForceUntil);
        var added = rows[^1];
        Assert.Equal((2_800_000m, D(2027, 7, 1), (DateOnly?)null, "Mức lương cơ sở (đồng/tháng)"), (added.Value, added.InForceFrom, added.InForceUntil, added.Title));
        var law = new SalaryLaw(rows, []);
        Assert.Equal(2_530_000m, law.Value(SalaryCodes.BaseSalary, D(2027, 6, 30)));
        Assert.Equal(2_800_000m, law.Value(SalaryCodes.BaseSalary, D(2027, 7, 1)));
        Assert.Equal(2_800_000m, law.Value(SalaryCodes.BaseSalary, D(2030, 1, 1)));
        Assert.Equal(2_340_000m, law.Value(SalaryCodes.BaseSalary, D(2026, 6, 30)));
        // The interceptor logged both rows, as any other change, by the Admin who saved.
        var audited = await db.AuditEntries.Where(a => a.Entity == "LegalParameter" && (a.EntityKey == open.Id.ToString() || a.EntityKey == added.Id.ToString()))
            .Select(a => new { a.EntityKey, a.Action, a.Field, a.NewValue, a.UserName }).ToListAsync(Ct);
        Assert.Contains(audited, a => a.EntityKey == open.Id.ToString() && a.Action == AuditAction.Modified && a.Field == "InForceUntil" && a.UserName == admin.Email);
        Assert.Contains(audited, a => a.EntityKey == added.Id.ToString() && a.Action == AuditAction.Added && a.Field == "Value" && a.UserName == admin.Email);
    }

    [Theory]
    [InlineData("early.quota-per-people", "0", "từ 1 trở lên")]
    [InlineData("early.quota-per-people", "10.5", "số nguyên")]
    [InlineData("raise.extension.reprimand", "2.5", "số nguyên")]
    [InlineData("pctnvk.step-months", "0", "từ 1 trở lên")]
    [InlineData("salary.base", "-1", "không được âm")]
    [InlineData("allowance.preferential.primary.urban", "35.5", null)]
    [InlineData("retirement.male.step-months", "0", null)]
    public void A_value_the_rules_could_not_use_is_refused_with_the_reason(string code, string value, string? refusal)
    {
        var problem = LegalParameterService.ValueProblem(code, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        if (refusal is null) Assert.Null(problem);
        else Assert.Contains(refusal, problem);
    }

    [Fact]
    public async Task A_quota_of_one_per_zero_people_is_refused_beside_the_value_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var result = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.AddValueAsync(SalaryCodes.EarlyQuotaPerPeople,
            new NewParameterValue(0m, D(2027, 1, 1), "Thử nghiệm"), null, Ct));
        Assert.Contains("từ 1 trở lên", result.FieldErrors["Value"]);
        await using var db = portal.ReadContext();
        Assert.False(await db.LegalParameters.AnyAsync(p => p.Code == SalaryCodes.EarlyQuotaPerPeople && p.Value == 0m, Ct));
    }

    [Fact]
    public async Task A_correction_that_runs_into_the_next_value_of_the_code_is_refused_on_its_end_date_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var nd73 = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceFrom == D(2024, 7, 1));
        var longer = new ParameterChange(nd73.Title, nd73.Value, nd73.InForceFrom, D(2026, 12, 31), nd73.LegalSource);

        var result = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.ChangeAsync(nd73.Id, longer, nd73.Version, Ct));

        Assert.False(result.Succeeded);
        Assert.Equal("Trùng thời gian hiệu lực với giá trị 2.530.000 (01/07/2026 – …) của cùng mã. Mỗi ngày chỉ được có một giá trị.",
            result.FieldErrors["InForceUntil"]);
        await using var db = portal.ReadContext();
        Assert.Equal(D(2026, 6, 30), (await db.LegalParameters.SingleAsync(p => p.Id == nd73.Id, Ct)).InForceUntil);
    }

    [Fact]
    public async Task A_new_value_that_does_not_start_after_the_open_one_is_refused_on_its_date_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var rows = await BaseSalaryAsync(portal, admin);
        var open = rows.Single(r => r.InForceUntil is null);

        var result = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.AddValueAsync(SalaryCodes.BaseSalary,
            new NewParameterValue(2_600_000m, D(2026, 7, 1), "Nghị định thử nghiệm"), new OpenedRow(open.Id, open.Version), Ct));

        Assert.Equal("Giá trị đang áp dụng bắt đầu từ 01/07/2026; giá trị mới phải bắt đầu sau ngày đó.", result.FieldErrors["InForceFrom"]);
        await using var db = portal.ReadContext();
        Assert.Equal(rows.Count, await db.LegalParameters.CountAsync(p => p.Code == SalaryCodes.BaseSalary, Ct));
        Assert.Null((await db.LegalParameters.SingleAsync(p => p.Id == open.Id, Ct)).InForceUntil);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_and_a_row_without_value_or_source_are_refused_beside_their_fields()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var row = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceFrom == D(2023, 7, 1));

        var backwards = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.ChangeAsync(row.Id,
            new ParameterChange(row.Title, row.Value, D(2023, 7, 1), D(2023, 6, 30), row.LegalSource), row.Version, Ct));
        var empty = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.ChangeAsync(row.Id,
            new ParameterChange(row.Title, null, row.InForceFrom, row.InForceUntil, "  "), row.Version, Ct));

        Assert.Equal("Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.", backwards.FieldErrors["InForceUntil"]);
        Assert.Equal(("Vui lòng nhập giá trị.", "Vui lòng nhập căn cứ pháp lý."), (empty.FieldErrors["Value"], empty.FieldErrors["LegalSource"]));
        await using var db = portal.ReadContext();
        var saved = await db.LegalParameters.SingleAsync(p => p.Id == row.Id, Ct);
        Assert.Equal((1_800_000m, D(2023, 7, 1), (DateOnly?)D(2024, 6, 30), "Nghị định 24/2023/NĐ-CP"),
            (saved.Value, saved.InForceFrom, saved.InForceUntil, saved.LegalSource));
    }

    [Fact]
    public async Task A_correction_within_the_row_s_own_period_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var row = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceFrom == D(2023, 7, 1));
        var corrected = new ParameterChange(row.Title, row.Value, row.InForceFrom, row.InForceUntil, "Nghị định 24/2023/NĐ-CP ngày 14/5/2023, Điều 3");

        var result = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.ChangeAsync(row.Id, corrected, row.Version, Ct));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.ReadContext();
        Assert.Equal(corrected.LegalSource, (await db.LegalParameters.SingleAsync(p => p.Id == row.Id, Ct)).LegalSource);
    }

    [Fact]
    public async Task A_principal_can_neither_see_nor_change_the_parameters_or_the_scale()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var open = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceUntil is null);
        var a1 = (await portal.AsAsync<ScaleGroup?, SalaryScaleService>(admin, s => s.OpenAsync("A1", Ct)))!;
        var school = await portal.CreateUnitAsync("Trường Tiểu học Kim Đồng", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Trần Thị Minh Châu");

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<IReadOnlyList<ParameterRow>, LegalParameterService>(principal, s => s.ListAsync(null, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, LegalParameterService>(principal, s => s.ChangeAsync(open.Id,
            new ParameterChange(open.Title, 1m, open.InForceFrom, null, open.LegalSource), open.Version, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, LegalParameterService>(principal, s => s.AddValueAsync(SalaryCodes.BaseSalary,
            new NewParameterValue(1m, D(2027, 1, 1), "x"), new OpenedRow(open.Id, open.Version), Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<IReadOnlyList<ScaleGroup>, SalaryScaleService>(principal, s => s.OnAsync(D(2026, 11, 29), Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, SalaryScaleService>(principal, s => s.NewScaleAsync(
            new NewScale("A1", [.. a1.Steps.Select(x => (decimal?)x.Coefficient + 1)], 36, D(2027, 1, 1), "x"), Opened(a1), Ct)));
        await using var db = portal.ReadContext();
        Assert.Equal(2_530_000m, (await db.LegalParameters.SingleAsync(p => p.Id == open.Id, Ct)).Value);
        Assert.False(await db.LegalParameters.AnyAsync(p => p.InForceFrom == D(2027, 1, 1), Ct));
        Assert.False(await db.SalaryScale.AnyAsync(s => s.InForceFrom == D(2027, 1, 1), Ct));
    }

    [Fact]
    public async Task A_parameter_saved_over_a_stale_version_is_refused_and_names_who_changed_it()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var other = await portal.CreateUserAsync(admin.Unit, PortalRoles.Admin, "Lê Quốc Bảo");
        var opened = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceFrom == D(2019, 7, 1));
        var change = new ParameterChange(opened.Title, opened.Value, opened.InForceFrom, opened.InForceUntil, opened.LegalSource);
        var theirs = await portal.AsAsync<SaveResult, LegalParameterService>(other, s => s.ChangeAsync(opened.Id,
            change with { LegalSource = "Nghị định 38/2019/NĐ-CP (bản của Bảo)" }, opened.Version, Ct));
        Assert.True(theirs.Succeeded, theirs.Error);

        var stale = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.ChangeAsync(opened.Id,
            change with { LegalSource = "Bản cũ" }, opened.Version, Ct));

        Assert.False(stale.Succeeded);
        Assert.StartsWith($"Mục này vừa được {other.Email} sửa lúc", stale.Error);
        Assert.Contains("Căn cứ", stale.Error);
        await using var db = portal.ReadContext();
        Assert.Equal("Nghị định 38/2019/NĐ-CP (bản của Bảo)", (await db.LegalParameters.SingleAsync(p => p.Id == opened.Id, Ct)).LegalSource);
    }

    [Fact]
    public async Task A_new_value_over_one_someone_else_just_added_is_refused_and_names_them()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var other = await portal.CreateUserAsync(admin.Unit, PortalRoles.Admin, "Lê Quốc Bảo");
        var open = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceUntil is null);
        var seen = new OpenedRow(open.Id, open.Version);
        Assert.True((await portal.AsAsync<SaveResult, LegalParameterService>(other, s => s.AddValueAsync(SalaryCodes.BaseSalary,
            new NewParameterValue(2_700_000m, D(2027, 7, 1), "Nghị định của Bảo"), seen, Ct))).Succeeded);

        var stale = await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.AddValueAsync(SalaryCodes.BaseSalary,
            new NewParameterValue(2_900_000m, D(2028, 1, 1), "Nghị định của An"), seen, Ct));

        Assert.False(stale.Succeeded);
        Assert.Contains(other.Email, stale.Error);
        await using var db = portal.ReadContext();
        Assert.False(await db.LegalParameters.AnyAsync(p => p.Value == 2_900_000m, Ct));
        Assert.Null((await db.LegalParameters.SingleAsync(p => p.Code == SalaryCodes.BaseSalary && p.InForceFrom == D(2027, 7, 1), Ct)).InForceUntil);
    }

    [Fact]
    public async Task The_database_itself_refuses_two_values_of_one_code_in_force_on_the_same_day()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        await using var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO legal_parameters ("Id", "Code", "Title", "Value", "InForceFrom", "InForceUntil", "LegalSource")
            VALUES (gen_random_uuid(), 'salary.base', 'Mức lương cơ sở', 1, DATE '2026-06-30', DATE '2026-06-30', 'thử')
            """, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync(Ct));

        Assert.Equal((PostgresErrorCodes.ExclusionViolation, "ex_legal_parameters_no_overlap"), (refused.SqlState, refused.ConstraintName));
    }

    /// <summary>NĐ 161/2026's base salary as legal-parameters.json ships it.</summary>
    private const string Nd161 = "0193a000-0000-7000-8000-000000000204";

    /// <summary>A portal seeded before NĐ 161/2026 was shipped: the NĐ 73/2024 value is still open and the 2026 row is missing.</summary>
    private static Task BeforeNd161Async(PortalHarness portal) => OwnerSqlAsync(portal, $"""
        DELETE FROM legal_parameters WHERE "Id" = '{Nd161}';
        UPDATE legal_parameters SET "InForceUntil" = NULL WHERE "Code" = 'salary.base' AND "InForceFrom" = DATE '2024-07-01';
        """);

    private static Task SeedAgainAsync(PortalHarness portal) => portal.AsSystemAsync(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await ReferenceData.SeedAsync(db);
    });

    [Fact]
    public async Task A_release_that_ships_a_new_value_ends_the_open_one_the_day_before()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        await BeforeNd161Async(portal);

        await SeedAgainAsync(portal);

        await using var db = portal.ReadContext();
        var law = new SalaryLaw(await db.LegalParameters.ToListAsync(Ct), []);
        Assert.Equal((2_340_000m, D(2026, 6, 30)), (law.Value(SalaryCodes.BaseSalary, D(2026, 6, 30)), law.Get(SalaryCodes.BaseSalary, D(2026, 6, 30)).InForceUntil));
        Assert.Equal(Guid.Parse(Nd161), law.Get(SalaryCodes.BaseSalary, D(2026, 7, 1)).Id);
    }

    [Fact]
    public async Task A_shipped_value_the_admin_has_already_entered_is_left_out_and_the_admin_s_value_stays()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        await BeforeNd161Async(portal);
        var open = (await BaseSalaryAsync(portal, admin)).Single(r => r.InForceUntil is null);
        Assert.True((await portal.AsAsync<SaveResult, LegalParameterService>(admin, s => s.AddValueAsync(SalaryCodes.BaseSalary,
            new NewParameterValue(2_530_000m, D(2026, 7, 1), "Nghị định 161/2026/NĐ-CP (nhập tay)"), new OpenedRow(open.Id, open.Version), Ct))).Succeeded);

        await SeedAgainAsync(portal);

        await using var db = portal.ReadContext();
        Assert.False(await db.LegalParameters.AnyAsync(p => p.Id == Guid.Parse(Nd161), Ct));
        var law = new SalaryLaw(await db.LegalParameters.ToListAsync(Ct), []);
        Assert.Equal("Nghị định 161/2026/NĐ-CP (nhập tay)", law.Get(SalaryCodes.BaseSalary, D(2026, 7, 1)).LegalSource);
    }

    [Fact]
    public async Task Searching_without_accents_finds_a_parameter_by_its_title_with_all_its_values()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);

        var found = await portal.AsAsync<IReadOnlyList<ParameterRow>, LegalParameterService>(admin, s => s.ListAsync("muc luong co so", Ct));

        Assert.Equal([1_490_000m, 1_800_000m, 2_340_000m, 2_530_000m], found.Select(r => r.Value));
        Assert.All(found, r => Assert.Equal(SalaryCodes.BaseSalary, r.Code));
    }

    [Fact]
    public async Task A_new_scale_for_a_group_from_a_date_ends_its_old_rows_and_the_law_reads_each_on_its_days()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var a1 = (await portal.AsAsync<ScaleGroup?, SalaryScaleService>(admin, s => s.OpenAsync("A1", Ct)))!;
        Assert.Equal([2.34m, 2.67m, 3.00m, 3.33m, 3.66m, 3.99m, 4.32m, 4.65m, 4.98m], a1.Steps.Select(s => s.Coefficient));
        decimal?[] raised = [2.50m, 2.85m, 3.20m, 3.55m, 3.90m, 4.25m, 4.60m, 4.95m, 5.30m, 5.65m];

        var result = await portal.AsAsync<SaveResult, SalaryScaleService>(admin, s => s.NewScaleAsync(
            new NewScale("A1", raised, 36, D(2027, 1, 1), "Nghị định thử nghiệm về bảng lương mới"), Opened(a1), Ct));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.ReadContext();
        var scale = await db.SalaryScale.ToListAsync(Ct);
        Assert.All(scale.Where(s => s.Group == "A1" && s.InForceFrom == D(2004, 10, 1)), s => Assert.Equal(D(2026, 12, 31), s.InForceUntil));
        var law = new SalaryLaw([], scale);
        var before = law.Scale("A1", D(2026, 12, 31))!;
        var after = law.Scale("A1", D(2027, 1, 1))!;
        Assert.Equal((9, 2.34m, 4.98m), (before.LastStep, before.Coefficients[1], before.Coefficients[9]));
        Assert.Equal((10, 2.50m, 5.65m, 36, "Nghị định thử nghiệm về bảng lương mới"),
            (after.LastStep, after.Coefficients[1], after.Coefficients[10], after.RaiseIntervalMonths, after.LegalSource));
        Assert.Equal(2.10m, law.Scale("A0", D(2027, 1, 1))!.Coefficients[1]);
        var shown = await portal.AsAsync<IReadOnlyList<ScaleGroup>, SalaryScaleService>(admin, s => s.OnAsync(D(2027, 1, 1), Ct));
        Assert.Equal(["A3.1", "A3.2", "A2.1", "A2.2", "A1", "A0", "B", "C1", "C2", "C3"], shown.Select(g => g.Group));
        Assert.Equal((D(2027, 1, 1), (DateOnly?)null), (shown[4].InForceFrom, shown[4].InForceUntil));
    }

    [Fact]
    public async Task A_coefficient_that_does_not_increase_with_the_step_is_refused_on_that_step_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var a1 = (await portal.AsAsync<ScaleGroup?, SalaryScaleService>(admin, s => s.OpenAsync("A1", Ct)))!;
        decimal?[] flat = [2.34m, 2.67m, 2.67m, 3.33m, 3.66m, 3.99m, 4.32m, 4.65m, 4.98m];

        var result = await portal.AsAsync<SaveResult, SalaryScaleService>(admin, s => s.NewScaleAsync(
            new NewScale("A1", flat, 36, D(2027, 1, 1), "Nghị định thử nghiệm"), Opened(a1), Ct));

        Assert.False(result.Succeeded);
        Assert.Equal("Hệ số phải lớn hơn hệ số của bậc trước (2,67).", Assert.Single(result.FieldErrors, e => e.Key == "Coefficients[2]").Value);
        await using var db = portal.ReadContext();
        Assert.False(await db.SalaryScale.AnyAsync(s => s.InForceFrom == D(2027, 1, 1), Ct));
        Assert.True(await db.SalaryScale.Where(s => s.Group == "A1").AllAsync(s => s.InForceUntil == null, Ct));
    }

    [Fact]
    public async Task A_new_scale_that_does_not_start_after_the_one_in_force_or_over_one_someone_else_just_saved_is_refused()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var other = await portal.CreateUserAsync(admin.Unit, PortalRoles.Admin, "Lê Quốc Bảo");
        var b = (await portal.AsAsync<ScaleGroup?, SalaryScaleService>(admin, s => s.OpenAsync("B", Ct)))!;
        var same = b.Steps.Select(s => (decimal?)s.Coefficient).ToList();

        var early = await portal.AsAsync<SaveResult, SalaryScaleService>(admin, s => s.NewScaleAsync(
            new NewScale("B", same, 24, D(2004, 10, 1), "Nghị định thử nghiệm"), Opened(b), Ct));
        Assert.Equal("Bảng hệ số đang áp dụng bắt đầu từ 01/10/2004; bảng mới phải bắt đầu sau ngày đó.", early.FieldErrors["InForceFrom"]);

        Assert.True((await portal.AsAsync<SaveResult, SalaryScaleService>(other, s => s.NewScaleAsync(
            new NewScale("B", same, 24, D(2027, 1, 1), "Nghị định của Bảo"), Opened(b), Ct))).Succeeded);
        var stale = await portal.AsAsync<SaveResult, SalaryScaleService>(admin, s => s.NewScaleAsync(
            new NewScale("B", same, 24, D(2028, 1, 1), "Nghị định của An"), Opened(b), Ct));

        Assert.False(stale.Succeeded);
        Assert.Contains(other.Email, stale.Error);
        await using var db = portal.ReadContext();
        Assert.False(await db.SalaryScale.AnyAsync(s => s.InForceFrom == D(2028, 1, 1), Ct));
    }

    [Fact]
    public async Task The_parameters_page_shows_each_code_once_with_its_dated_values_in_vietnamese_digits()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);

        await RenderAsync<LegalParametersPage>(portal, admin, page =>
        {
            var baseSalary = page.FindAll("tr[data-code='salary.base']");
            Assert.Equal(4, baseSalary.Count);
            Assert.Equal("4", baseSalary[0].QuerySelector("td")!.GetAttribute("rowspan"));
            Assert.Contains("salary.base", baseSalary[0].TextContent);
            Assert.Contains("Giá trị mới từ ngày", baseSalary[0].TextContent);
            Assert.Equal(["1.490.000", "1.800.000", "2.340.000", "2.530.000"], baseSalary.Select(r => r.QuerySelector(".parameter-value")!.TextContent));
            Assert.Equal([false, false, false, true], baseSalary.Select(r => r.TextContent.Contains("Đang áp dụng")));
            Assert.Contains("01/07/2026", baseSalary[3].TextContent);
            Assert.Contains("Nghị định 38/2019/NĐ-CP", baseSalary[0].TextContent);
            Assert.Contains("0,35", page.Find("tr[data-code='allowance.position.preschool.principal.class-2']").TextContent);
        });
    }

    [Fact]
    public async Task The_scale_page_shows_the_groups_in_the_order_of_the_table_with_their_coefficients_today()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);

        await RenderAsync<SalaryScalePage>(portal, admin, page =>
        {
            Assert.Equal(["A3.1", "A3.2", "A2.1", "A2.2", "A1", "A0", "B", "C1", "C2", "C3"],
                page.FindAll("tr[data-group]").Select(r => r.GetAttribute("data-group")));
            var a1 = page.Find("tr[data-group='A1']").TextContent;
            Assert.Contains("2,34", a1);
            Assert.Contains("4,98", a1);
            Assert.Contains("36 tháng", a1);
            Assert.Contains("01/10/2004", a1);
        });
    }

    /// <summary>Renders a page with the portal's real services as <paramref name="user"/> and checks it once its data has loaded.</summary>
    private static Task RenderAsync<TPage>(PortalHarness portal, TestUser user, Action<IRenderedComponent<TPage>> check) where TPage : IComponent =>
        portal.AsAsync(user, async sp =>
        {
            await using var bunit = new BunitContext();
            bunit.JSInterop.Mode = JSRuntimeMode.Loose;
            bunit.Services.AddMudServices();
            bunit.Services.AddSingleton(sp.GetRequiredService<LegalParameterService>());
            bunit.Services.AddSingleton(sp.GetRequiredService<SalaryScaleService>());
            bunit.Services.AddSingleton(sp.GetRequiredService<SchoolClock>());
            bunit.Render<MudPopoverProvider>();
            var page = bunit.Render<TPage>();
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table tbody tr")), TimeSpan.FromSeconds(30));
            check(page);
            return true;
        });

    private static async Task OwnerSqlAsync(PortalHarness portal, string sql)
    {
        await using var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static IReadOnlyList<OpenedRow> Opened(ScaleGroup group) => [.. group.Steps.Select(s => new OpenedRow(s.Id, s.Version))];

    private static async Task<IReadOnlyList<ParameterRow>> BaseSalaryAsync(PortalHarness portal, TestUser admin) =>
        [.. (await portal.AsAsync<IReadOnlyList<ParameterRow>, LegalParameterService>(admin, s => s.ListAsync(null, Ct))).Where(r => r.Code == SalaryCodes.BaseSalary)];

    private static async Task<TestUser> AdminAsync(PortalHarness portal)
    {
        var office = await portal.CreateUnitAsync("Phòng Văn hóa - Xã hội", OrgUnitKind.Ward, null);
        return await portal.CreateUserAsync(office, PortalRoles.Admin, "Nguyễn Văn An");
    }
}
