using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Audit;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Walks the audit chains link by link and reports the first broken link of each: a row whose content no longer matches
/// its hash (altered), a missing sequence number (deleted), a row that does not continue the previous hash (forged or
/// reordered), a chain that ends before or after its recorded head, or a row that differs from a mailed daily anchor.
/// Streams the rows in chain order over the (ChainId, Seq) index, so memory stays flat at any size.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<ChainVerification> VerifyAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid>? chains, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var heads = new Dictionary<Guid, (long Seq, byte[] Hash)>();
        await using (var command = new NpgsqlCommand("""SELECT "ChainId", "Seq", "Hash" FROM audit_chain_heads""", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) heads[reader.GetGuid(0)] = (reader.GetInt64(1), (byte[])reader[2]);
        var anchors = new Dictionary<(Guid, long), (DateOnly Day, byte[] Hash)>();
        await using (var command = new NpgsqlCommand("""SELECT "ChainId", "Seq", "Hash", "Day" FROM audit_anchors""", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) anchors[(reader.GetGuid(0), reader.GetInt64(1))] = (reader.GetFieldValue<DateOnly>(3), (byte[])reader[2]);

        var filter = chains is null ? "" : """ AND "ChainId" = ANY($1)""";
        await using var rows = new NpgsqlCommand($"""
            SELECT "Id", "ChainId", "Seq", "At", "CorrelationId", "UserId", "UserName", "UnitId", "ClientIp", "Action",
                   "Entity", "EntityKey", "Field", "OldValue", "NewValue", "PrevHash", "Hash", "UserRole", "UserAgent", "SubjectId"
            FROM audit_entries WHERE "Seq" > 0{filter} ORDER BY "ChainId", "Seq"
            """, connection);
        if (chains is not null) rows.Parameters.Add(new NpgsqlParameter { Value = chains.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });

        var breaks = new List<ChainBreak>();
        var counted = new Dictionary<Guid, long>();
        Guid? chain = null;
        long expected = 1, checkedRows = 0;
        byte[] previous = AuditChain.Genesis;
        var broken = false;
        await using (var reader = await rows.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var entry = Read(reader);
                if (entry.ChainId != chain)
                {
                    if (chain is { } done && !broken) CheckHead(done, expected - 1, previous, heads, breaks);
                    (chain, expected, previous, broken) = (entry.ChainId, 1, AuditChain.Genesis, false);
                }
                checkedRows++;
                counted[entry.ChainId] = counted.GetValueOrDefault(entry.ChainId) + 1;
                if (broken) continue;
                var problem =
                    entry.Seq != expected ? (entry.Seq > expected ? ChainProblem.Missing : ChainProblem.Duplicated)
                    : entry.PrevHash is null || !entry.PrevHash.AsSpan().SequenceEqual(previous) ? ChainProblem.NotLinked
                    : entry.Hash is null || !entry.Hash.AsSpan().SequenceEqual(AuditChain.Hash(entry, previous)) ? ChainProblem.Altered
                    : anchors.TryGetValue((entry.ChainId, entry.Seq), out var anchor) && !anchor.Hash.AsSpan().SequenceEqual(entry.Hash) ? ChainProblem.AnchorMismatch
                    : (ChainProblem?)null;
                if (problem is { } p)
                {
                    breaks.Add(new ChainBreak(entry.ChainId, expected, entry.Id, entry.At, p));
                    broken = true;
                    continue;
                }
                previous = entry.Hash!;
                expected++;
            }
        }
        if (chain is { } last && !broken) CheckHead(last, expected - 1, previous, heads, breaks);
        // A chain whose rows are all gone still has its head.
        foreach (var (id, head) in heads.Where(h => (chains is null || chains.Contains(h.Key)) && !counted.ContainsKey(h.Key) && h.Value.Seq > 0))
            breaks.Add(new ChainBreak(id, 1, null, null, ChainProblem.Missing));
        long legacy;
        await using (var command = new NpgsqlCommand("""SELECT count(*) FROM audit_entries WHERE "Seq" <= 0""", connection))
            legacy = (long)(await command.ExecuteScalarAsync(ct))!;
        return new ChainVerification(checkedRows, legacy, counted.Count, breaks, watch.Elapsed);
    }

    private static void CheckHead(Guid chain, long lastSeq, byte[] lastHash, Dictionary<Guid, (long Seq, byte[] Hash)> heads, List<ChainBreak> breaks)
    {
        if (!heads.TryGetValue(chain, out var head)) breaks.Add(new ChainBreak(chain, lastSeq, null, null, ChainProblem.NoHead));
        else if (head.Seq > lastSeq) breaks.Add(new ChainBreak(chain, lastSeq + 1, null, null, ChainProblem.Missing));
        else if (head.Seq < lastSeq) breaks.Add(new ChainBreak(chain, head.Seq + 1, null, null, ChainProblem.BeyondHead));
        else if (!head.Hash.AsSpan().SequenceEqual(lastHash)) breaks.Add(new ChainBreak(chain, lastSeq, null, null, ChainProblem.Altered));
    }

    private static AuditEntry Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        ChainId = r.GetGuid(1),
        Seq = r.GetInt64(2),
        At = r.GetFieldValue<DateTimeOffset>(3),
        CorrelationId = r.GetGuid(4),
        UserId = r.IsDBNull(5) ? null : r.GetString(5),
        UserName = r.GetString(6),
        UnitId = r.IsDBNull(7) ? null : r.GetGuid(7),
        ClientIp = r.IsDBNull(8) ? null : r.GetString(8),
        Action = (AuditAction)r.GetInt32(9),
        Entity = r.GetString(10),
        EntityKey = r.GetString(11),
        Field = r.GetString(12),
        OldValue = r.IsDBNull(13) ? null : r.GetString(13),
        NewValue = r.IsDBNull(14) ? null : r.GetString(14),
        PrevHash = r.IsDBNull(15) ? null : (byte[])r[15],
        Hash = r.IsDBNull(16) ? null : (byte[])r[16],
        UserRole = r.IsDBNull(17) ? null : r.GetString(17),
        UserAgent = r.IsDBNull(18) ? null : r.GetString(18),
        SubjectId = r.IsDBNull(19) ? null : r.GetGuid(19),
    };
}

/// <summary>The outcome of a verification: rows checked, rows from before chaining, chains, the first break of each broken chain.</summary>
public sealed record ChainVerification(long RowsChecked, long RowsBeforeChaining, int Chains, IReadOnlyList<ChainBreak> Breaks, TimeSpan Took)
{
    public bool Intact => Breaks.Count == 0;
}

/// <summary>Where a chain first breaks: its position (sequence number), the row there if any, and what is wrong.</summary>
public sealed record ChainBreak(Guid ChainId, long Position, long? RowId, DateTimeOffset? At, ChainProblem Problem);

public enum ChainProblem
{
    /// <summary>The row's content no longer matches its hash.</summary>
    Altered = 1,
    /// <summary>A row is missing at this position (deleted).</summary>
    Missing = 2,
    /// <summary>The row does not continue the previous row's hash (inserted or moved).</summary>
    NotLinked = 3,
    /// <summary>Two rows claim the same position.</summary>
    Duplicated = 4,
    /// <summary>Rows exist past the chain's recorded head (appended outside the portal).</summary>
    BeyondHead = 5,
    /// <summary>The row differs from the daily anchor mailed to the principal.</summary>
    AnchorMismatch = 6,
    /// <summary>The chain has rows but no head.</summary>
    NoHead = 7,
}
