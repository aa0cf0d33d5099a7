using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Postgres;
using Portal.Tests.Testing;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>
/// The audit log cannot lie: the database refuses to change it, and any change made anyway (by a superuser, by a raw
/// INSERT, by a deletion through the maintenance role) is found by the chain verification at the right position.
/// The attacks connect as the test cluster's superuser, the strongest role there is; the portal itself runs as
/// <c>portal_app</c>, which is refused by its grants before the trigger is even reached.
/// </summary>
public sealed class AuditChainTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("""UPDATE audit_entries SET "NewValue" = 'sửa lén' WHERE "Seq" = 2""")]
    [InlineData("""DELETE FROM audit_entries WHERE "Seq" = 2""")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_database_refuses_to_change_or_remove_audit_rows_even_for_a_superuser(string sql)
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        await SomeAuditedWorkAsync(portal, "Trường Tiểu học Chỉ Thêm");
        await using var connection = await OpenAsync(portal);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText);
        Assert.True((await VerifyAsync(connection)).Intact);
    }

    [Fact]
    public async Task An_unchained_raw_insert_is_refused_and_a_forged_chained_one_is_found_at_its_position()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var chain = await SomeAuditedWorkAsync(portal, "Trường Tiểu học Giả Mạo");
        await using var connection = await OpenAsync(portal);
        var head = await HeadAsync(connection, chain);

        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, $"""
            INSERT INTO audit_entries ("At", "CorrelationId", "UserName", "Action", "Entity", "EntityKey", "Field", "ChainId", "Seq")
            VALUES (now(), gen_random_uuid(), 'ai đó', 2, 'StaffMember', 'x', 'FullName', '{chain}', {head + 1})
            """));
        await Execute(connection, $"""
            INSERT INTO audit_entries ("At", "CorrelationId", "UserName", "Action", "Entity", "EntityKey", "Field", "NewValue", "ChainId", "Seq", "PrevHash", "Hash")
            SELECT now(), gen_random_uuid(), 'ai đó', 2, 'StaffMember', 'x', 'FullName', 'Tên giả', '{chain}', {head + 1}, "Hash", sha256('giả'::bytea)
            FROM audit_chain_heads WHERE "ChainId" = '{chain}'
            """);

        var result = await VerifyAsync(connection);
        var found = Assert.Single(result.Breaks);
        Assert.Equal((chain, head + 1, ChainProblem.Altered), (found.ChainId, found.Position, found.Problem));
    }

    [Fact]
    public async Task A_row_a_superuser_alters_with_triggers_switched_off_is_found_at_its_position()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var chain = await SomeAuditedWorkAsync(portal, "Trường Tiểu học Sửa Lén");
        await using var connection = await OpenAsync(portal);
        Assert.True((await VerifyAsync(connection)).Intact);

        await Execute(connection, $"""
            SET session_replication_role = replica;
            UPDATE audit_entries SET "NewValue" = 'Tên đã bị đổi' WHERE "ChainId" = '{chain}' AND "Seq" = 3;
            SET session_replication_role = origin;
            """);

        var found = Assert.Single((await VerifyAsync(connection)).Breaks);
        Assert.Equal((chain, 3L, ChainProblem.Altered), (found.ChainId, found.Position, found.Problem));
    }

    [Fact]
    public async Task A_row_deleted_through_the_maintenance_role_is_found_missing_at_its_position()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var chain = await SomeAuditedWorkAsync(portal, "Trường Tiểu học Mất Dòng");
        await using var connection = await OpenAsync(portal);

        await Execute(connection, $"""
            SET ROLE portal_maintenance;
            DELETE FROM audit_entries WHERE "ChainId" = '{chain}' AND "Seq" = 4;
            RESET ROLE;
            """);

        var result = await AuditChainVerifier.VerifyAsync(connection, null, Ct);
        var found = Assert.Single(result.Breaks);
        Assert.Equal((chain, 4L, ChainProblem.Missing), (found.ChainId, found.Position, found.Problem));
    }

    [Fact]
    public async Task A_whole_chain_rewritten_consistently_is_still_caught_by_the_mailed_anchor()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var chain = await SomeAuditedWorkAsync(portal, "Trường Tiểu học Viết Lại");
        await using var connection = await OpenAsync(portal);
        var head = await HeadAsync(connection, chain);
        await Execute(connection, $"""
            INSERT INTO audit_anchors ("Day", "ChainId", "Seq", "Hash", "RecordedAt")
            SELECT DATE '2026-11-28', "ChainId", "Seq", sha256('hôm qua'::bytea), now() FROM audit_chain_heads WHERE "ChainId" = '{chain}'
            """);

        var found = Assert.Single((await VerifyAsync(connection)).Breaks);
        Assert.Equal((chain, head, ChainProblem.AnchorMismatch), (found.ChainId, found.Position, found.Problem));
    }

    [Fact]
    public async Task Writers_saving_at_the_same_time_keep_every_chain_valid_and_gapless()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var schools = new[] { "Trường Tiểu học Song Song A", "Trường Tiểu học Song Song B" };
        var officers = new List<TestUser>();
        foreach (var name in schools)
            officers.Add(await portal.CreateUserAsync(await portal.CreateUnitAsync(name, OrgUnitKind.School, null), PortalRoles.RecordsOfficer, "Lưu Thị Đồng"));

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => portal.AsAsync<SaveResult, StaffService>(officers[i % 2],
            s => s.CreateAsync(StaffForms.Valid($"Người Thứ {i} Song Song")))));

        await using var connection = await OpenAsync(portal);
        var result = await VerifyAsync(connection);
        Assert.True(result.Intact, string.Join("; ", result.Breaks));
        Assert.True(result.RowsChecked > 24 * 8);
    }

    [Fact]
    public async Task The_days_last_links_are_anchored_and_mailed_to_the_schools_principal_once()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var chain = await SomeAuditedWorkAsync(portal, "Trường Tiểu học Mốc Ngày");
        var school = await portal.FindUnitAsync(chain);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Văn Thị Mốc");
        await using var connection = await OpenAsync(portal);
        var head = await HeadAsync(connection, chain);

        var first = await portal.AsSystemAsync(sp => sp.GetRequiredService<AuditAnchorJob>().RunAsync(Ct));
        var again = await portal.AsSystemAsync(sp => sp.GetRequiredService<AuditAnchorJob>().RunAsync(Ct));

        Assert.True(first >= 1);
        Assert.Equal(0, again);
        await using var db = portal.ReadContext();
        var anchor = await db.AuditAnchors.SingleAsync(a => a.ChainId == chain, Ct);
        Assert.Equal((new DateOnly(2026, 11, 29), head), (anchor.Day, anchor.Seq));
        var mail = await db.Outbox.SingleAsync(m => m.To == principal.Email, Ct);
        Assert.Contains("Mốc Ngày", mail.Subject);
        Assert.Contains(Convert.ToHexStringLower(anchor.Hash), mail.Body);
        Assert.True((await VerifyAsync(connection)).Intact);
    }

    [Fact]
    public async Task The_nightly_check_mails_a_break_to_the_principal_once_and_each_principal_checks_only_their_own_units()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var altered = await SomeAuditedWorkAsync(portal, "Trường Tiểu học Bị Sửa");
        var untouched = await SomeAuditedWorkAsync(portal, "Trường Tiểu học Còn Nguyên");
        var principalOfAltered = await portal.CreateUserAsync(await portal.FindUnitAsync(altered), PortalRoles.Principal, "Khổng Thị Báo");
        var principalOfUntouched = await portal.CreateUserAsync(await portal.FindUnitAsync(untouched), PortalRoles.Principal, "Lạc Văn Yên");
        await using var connection = await OpenAsync(portal);
        await Execute(connection, $"""
            SET session_replication_role = replica;
            UPDATE audit_entries SET "UserName" = 'người khác' WHERE "ChainId" = '{altered}' AND "Seq" = 2;
            SET session_replication_role = origin;
            """);

        var nightly = await portal.AsSystemAsync(sp => sp.GetRequiredService<AuditVerifyJob>().RunAsync(Ct));
        await portal.AsSystemAsync(sp => sp.GetRequiredService<AuditVerifyJob>().RunAsync(Ct));
        var seenByUntouched = await portal.AsAsync<IntegrityReport, AuditIntegrityService>(principalOfUntouched, s => s.VerifyAsync(Ct));
        var seenByAltered = await portal.AsAsync<IntegrityReport, AuditIntegrityService>(principalOfAltered, s => s.VerifyAsync(Ct));

        Assert.Equal((altered, 2L), (Assert.Single(nightly.Breaks).ChainId, nightly.Breaks[0].Position));
        await using var db = portal.ReadContext();
        var warning = await db.Outbox.SingleAsync(m => m.To == principalOfAltered.Email, Ct);
        Assert.Contains("Bị Sửa", warning.Subject);
        Assert.False(await db.Outbox.AnyAsync(m => m.To == principalOfUntouched.Email, Ct));
        Assert.True(seenByUntouched.Intact);
        Assert.Equal(("Trường Tiểu học Bị Sửa", 2L), (Assert.Single(seenByAltered.Breaks).Unit, seenByAltered.Breaks[0].Position));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "AuditChain" && a.UserId == principalOfAltered.Id, Ct));
    }

    /// <summary>A school, an officer and two staff records: a few dozen audit rows in the school's chain.</summary>
    private static async Task<Guid> SomeAuditedWorkAsync(PortalHarness portal, string school)
    {
        var unit = await portal.CreateUnitAsync(school, OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(unit, PortalRoles.RecordsOfficer, "Tôn Nữ Thanh Tâm");
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Âu Dương Thảo")));
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Mai Thị Hồng Vân")));
        return AuditChain.ChainOf(unit.Id);
    }

    [Theory]
    [InlineData("""UPDATE audit_entries SET "NewValue" = 'sửa lén' WHERE "Seq" = 2""")]
    [InlineData("""DELETE FROM audit_entries WHERE "Seq" = 2""")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("""DELETE FROM "__EFMigrationsHistory" """)]
    [InlineData("DROP TABLE audit_entries")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER ALL")]
    public async Task The_portal_s_own_role_has_no_right_to_change_the_log_or_the_schema(string sql)
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        await SomeAuditedWorkAsync(portal, "Trường Tiểu học Quyền Hạn");
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Ct);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(ApplicationRole.DefaultName, new NpgsqlConnectionStringBuilder(portal.ConnectionString).Username);
        Assert.True((await VerifyAsync(connection)).Intact);
    }

    [Fact]
    public async Task The_database_recomputes_the_very_hash_the_portal_wrote_whatever_the_text()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var unit = await portal.CreateUnitAsync("Trường Tiểu học Ký Tự Lạ", OrgUnitKind.School, null);
        string[] awkward = ["", "Nguye\u0302\u0303n — đã sửa 🌸", "back\\slash 'nháy' \"kép\"", "dòng\nmới\tvà tab", new string('ạ', 3000)];
        await portal.AsSystemAsync(async sp =>
        {
            foreach (var text in awkward)
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
                // Empty and null are different fields (length 0 against -1); a key of text, a null subject.
                var shortText = text.Length > 100 ? "dài" : text;
                await AuditTrail.RecordAsync(db, portal.Clock.GetUtcNow().AddTicks(7), AuditAction.Viewed, "Thử", shortText, Ct, shortText, unit.Id, text.Length == 0 ? null : text);
            }
            return 0;
        });
        await using var connection = await OpenAsync(portal);

        var result = await VerifyAsync(connection);

        Assert.True(result.Intact, string.Join("; ", result.Breaks));
        Assert.True(result.RowsChecked >= awkward.Length);
    }

    private static async Task<NpgsqlConnection> OpenAsync(PortalHarness portal)
    {
        var connection = new NpgsqlConnection(portal.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> HeadAsync(NpgsqlConnection connection, Guid chain)
    {
        await using var command = new NpgsqlCommand($"""SELECT "Seq" FROM audit_chain_heads WHERE "ChainId" = '{chain}'""", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static Task<ChainVerification> VerifyAsync(NpgsqlConnection connection) => AuditChainVerifier.VerifyAsync(connection, null, Ct);
}
