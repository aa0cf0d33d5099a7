using Portal.Domain.Audit;

namespace Portal.Tests.Domain;

/// <summary>
/// The chain's canonical form is a contract with every row already written: change it and every old row "breaks".
/// The golden hash below pins it; a deliberate format change needs a migration plan, not a new constant.
/// </summary>
public sealed class AuditChainFormatTests
{
    private static AuditEntry Row() => new()
    {
        ChainId = Guid.Parse("0193a000-0000-7000-9000-000000000003"),
        Seq = 42,
        At = new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero).AddTicks(1234567),
        CorrelationId = Guid.Parse("0193a000-0000-7000-8000-0000000000aa"),
        UserId = "u-1",
        UserName = "vanthu@hoasen.demo",
        UnitId = Guid.Parse("0193a000-0000-7000-9000-000000000003"),
        ClientIp = "127.0.0.1",
        UserRole = "RecordsOfficer",
        UserAgent = null,
        Action = AuditAction.Modified,
        Entity = "StaffMember",
        EntityKey = "0193a000-0000-7000-8000-0000000000bb",
        SubjectId = Guid.Parse("0193a000-0000-7000-8000-0000000000bb"),
        Field = "FullName",
        OldValue = "Nguyễn Thị Lan",
        NewValue = "Nguyễn Thị Ngọc Lan",
    };

    [Fact]
    public void The_canonical_form_and_hash_of_a_known_row_never_change()
    {
        var hash = Convert.ToHexStringLower(AuditChain.Hash(Row(), AuditChain.Genesis));

        Assert.Equal(Golden, hash);
    }

    [Fact]
    public void Every_field_and_the_previous_hash_change_the_hash()
    {
        var original = AuditChain.Hash(Row(), AuditChain.Genesis);
        Func<AuditEntry, AuditEntry>[] edits =
        [
            r => { r.Seq++; return r; }, r => { r.At = r.At.AddTicks(10); return r; }, r => { r.UserName += " "; return r; },
            r => { r.UserAgent = ""; return r; }, r => { r.OldValue = null; return r; }, r => { r.Field = "Phone"; return r; },
            r => { r.SubjectId = null; return r; }, r => { r.Action = AuditAction.Added; return r; }, r => { r.NewValue = "nguyễn thị ngọc lan"; return r; },
        ];
        foreach (var edit in edits) Assert.NotEqual(original, AuditChain.Hash(edit(Row()), AuditChain.Genesis));
        Assert.NotEqual(original, AuditChain.Hash(Row(), original));
    }

    [Fact]
    public void Sub_microsecond_ticks_do_not_count_because_postgresql_does_not_keep_them()
    {
        var row = Row();
        var sameMicrosecond = Row();
        sameMicrosecond.At = row.At.AddTicks(9 - row.At.UtcTicks % 10);
        Assert.Equal(AuditChain.Hash(row, AuditChain.Genesis), AuditChain.Hash(sameMicrosecond, AuditChain.Genesis));
    }

    private const string Golden = "452128f29a46492bab9c818384e993fb6c8c966dbf389605868c047ad8bc871e";
}
