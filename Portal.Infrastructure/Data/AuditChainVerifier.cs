using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Audit;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Walks the audit chains link by link and reports the first broken link of each: a row whose content no longer matches
/// its hash (altered), a missing sequence number (deleted), a row that does not continue the previous hash (forged or
/// reordered), a chain that ends before or after its recorded head, or a row that differs from a mailed daily anchor.
/// </summary>
/// <remarks>
/// PostgreSQL recomputes each row's hash (<see cref="RowHashSql"/>, the SQL twin of <see cref="AuditChain.Canonical"/>,
/// pinned to it by a test) in a parallel sequential scan, and sends only the links; this process checks that they join
/// up. At 10 million rows, walking chain by chain over the (ChainId, Seq) index and hashing here ran at 117,000 rows/s:
/// the index walk visits every heap page once per chain, and parsing every column of every row in one process on two
/// cores was the rest. Rows of one chain arrive almost in sequence (each chain is appended under its head lock); the
/// few that come early wait in a per-chain buffer for their predecessor. A chain whose buffer grows past
/// <c>maxWaiting</c> (a deletion early in a long chain) is walked again in index order, so memory stays bounded.
/// Functions are schema-qualified (pg_catalog), so no function planted earlier on the search path can answer for them;
/// a superuser able to replace pg_catalog itself can as well rewrite the chain, which the mailed anchors catch.
/// </remarks>
public static class AuditChainVerifier
{
    /// <summary>SHA-256 of the previous hash and the row's canonical form, as <see cref="AuditChain.Hash"/> computes it.</summary>
    public static readonly string RowHashSql = "pg_catalog.sha256(\"PrevHash\" || " + string.Join(" || ", new[]
    {
        Uuid("\"ChainId\""), "\"Seq\"::text",
        // .NET ticks (100 ns since 0001-01-01) of an instant kept to the microsecond: exact, since epoch is numeric.
        // EXTRACT is grammar, not a function call, so it cannot be shadowed.
        "((EXTRACT(epoch FROM \"At\") * 1000000)::bigint * 10 + 621355968000000000)::text",
        Uuid("\"CorrelationId\""), "\"UserId\"", "\"UserName\"", Uuid("\"UnitId\""), "\"ClientIp\"", "\"UserRole\"", "\"UserAgent\"",
        "\"Action\"::text", "\"Entity\"", "\"EntityKey\"", Uuid("\"SubjectId\""), "\"Field\"", "\"OldValue\"", "\"NewValue\"",
    }.Select(Field)) + ")";

    private static string Uuid(string column) => $"pg_catalog.replace({column}::text, '-', '')";

    /// <summary>Length-prefixed UTF-8 (big-endian int32; -1 for null), as <see cref="AuditChain.Canonical"/> writes a field.</summary>
    private static string Field(string text) =>
        $"CASE WHEN {text} IS NULL THEN '\\xffffffff'::bytea ELSE pg_catalog.int4send(pg_catalog.octet_length(pg_catalog.convert_to({text}, 'UTF8'))) || pg_catalog.convert_to({text}, 'UTF8') END";

    private static readonly string Links = $"""
        SELECT "Id", "ChainId", "Seq", "At", "PrevHash", "Hash",
               "Hash" IS NOT NULL AND "PrevHash" IS NOT NULL AND pg_catalog.octet_length("PrevHash") = 32 AND "Hash" = {RowHashSql}
        FROM audit_entries WHERE "Seq" > 0
        """;

    public static async Task<ChainVerification> VerifyAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid>? chains,
        CancellationToken ct, int maxWaiting = 100_000)
    {
        var watch = Stopwatch.StartNew();
        var heads = new Dictionary<Guid, (long Seq, byte[] Hash)>();
        await using (var command = new NpgsqlCommand("""SELECT "ChainId", "Seq", "Hash" FROM audit_chain_heads""", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) heads[reader.GetGuid(0)] = (reader.GetInt64(1), (byte[])reader[2]);
        var anchors = new Dictionary<(Guid, long), byte[]>();
        await using (var command = new NpgsqlCommand("""SELECT "ChainId", "Seq", "Hash" FROM audit_anchors""", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) anchors[(reader.GetGuid(0), reader.GetInt64(1))] = (byte[])reader[2];

        var walks = new Dictionary<Guid, ChainWalk>();
        var rewalk = new HashSet<Guid>();
        long checkedRows = 0;
        await using (var rows = Query(connection, chains, ordered: false))
        await using (var reader = await rows.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var link = Read(reader);
                checkedRows++;
                if (rewalk.Contains(link.ChainId)) continue;
                if (!walks.TryGetValue(link.ChainId, out var walk)) walks[link.ChainId] = walk = new ChainWalk(link.ChainId);
                walk.Accept(link, anchors);
                if (walk.Waiting > maxWaiting) rewalk.Add(link.ChainId);
            }
        if (rewalk.Count > 0)
        {
            foreach (var id in rewalk) walks[id] = new ChainWalk(id, inOrder: true);
            await using var rows = Query(connection, rewalk, ordered: true);
            await using var reader = await rows.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var link = Read(reader);
                walks[link.ChainId].Accept(link, anchors);
            }
        }

        var breaks = walks.Values.Select(w => w.Finish(heads)).OfType<ChainBreak>().ToList();
        // A chain whose rows are all gone still has its head.
        foreach (var (id, head) in heads.Where(h => (chains is null || chains.Contains(h.Key)) && !walks.ContainsKey(h.Key) && h.Value.Seq > 0))
            breaks.Add(new ChainBreak(id, 1, null, null, ChainProblem.Missing));
        long legacy;
        await using (var command = new NpgsqlCommand("""SELECT count(*) FROM audit_entries WHERE "Seq" <= 0""", connection))
            legacy = (long)(await command.ExecuteScalarAsync(ct))!;
        return new ChainVerification(checkedRows, legacy, walks.Count, breaks, watch.Elapsed, rewalk.Count);
    }

    private static NpgsqlCommand Query(NpgsqlConnection connection, IReadOnlyCollection<Guid>? chains, bool ordered)
    {
        var sql = Links + (chains is null ? "" : """ AND "ChainId" = ANY($1)""") + (ordered ? """ ORDER BY "ChainId", "Seq" """ : "");
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (chains is not null) command.Parameters.Add(new NpgsqlParameter { Value = chains.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        return command;
    }

    private static Link Read(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetGuid(1), r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3),
        r.IsDBNull(4) ? null : (byte[])r[4], r.IsDBNull(5) ? null : (byte[])r[5], r.GetBoolean(6));

    /// <summary>One row as the walk needs it: where it stands, what it links, and whether its content matches its hash.</summary>
    private sealed record Link(long Id, Guid ChainId, long Seq, DateTimeOffset At, byte[]? PrevHash, byte[]? Hash, bool ContentIntact);

    /// <summary>One chain's walk: links rows in sequence as they come, holding early arrivals until their turn.</summary>
    private sealed class ChainWalk(Guid chainId, bool inOrder = false)
    {
        private readonly Dictionary<long, Link> _waiting = [];
        private long _expected = 1;
        private byte[] _last = AuditChain.Genesis;
        private ChainBreak? _first;

        public int Waiting => _waiting.Count;

        public void Accept(Link row, Dictionary<(Guid, long), byte[]> anchors)
        {
            if (!row.ContentIntact)
                Flag(row.Seq, row.Id, row.At, ChainProblem.Altered);
            else if (anchors.TryGetValue((chainId, row.Seq), out var anchor) && !anchor.AsSpan().SequenceEqual(row.Hash))
                Flag(row.Seq, row.Id, row.At, ChainProblem.AnchorMismatch);

            if (row.Seq < _expected || _waiting.ContainsKey(row.Seq))
                Flag(row.Seq, row.Id, row.At, ChainProblem.Duplicated);
            else if (row.Seq > _expected && inOrder)
            {
                // Rows come in sequence here, so a skipped number is gone for good: flag it and carry on from this row.
                Flag(_expected, null, null, ChainProblem.Missing);
                _expected = row.Seq;
                _last = row.PrevHash ?? [];
                Join(row);
            }
            else if (row.Seq > _expected)
                _waiting[row.Seq] = row;
            else
            {
                Join(row);
                while (_waiting.Remove(_expected, out var next)) Join(next);
            }
        }

        private void Join(Link row)
        {
            if (row.PrevHash is null || !row.PrevHash.AsSpan().SequenceEqual(_last)) Flag(_expected, row.Id, row.At, ChainProblem.NotLinked);
            _last = row.Hash ?? [];
            _expected++;
        }

        /// <summary>The chain's first break, once every row has been seen: a gap, or an end that disagrees with the head.</summary>
        public ChainBreak? Finish(Dictionary<Guid, (long Seq, byte[] Hash)> heads)
        {
            var last = _expected - 1;
            if (_waiting.Count > 0) Flag(_expected, null, null, ChainProblem.Missing);
            else if (!heads.TryGetValue(chainId, out var head)) Flag(last, null, null, ChainProblem.NoHead);
            else if (head.Seq > last) Flag(last + 1, null, null, ChainProblem.Missing);
            else if (head.Seq < last) Flag(head.Seq + 1, null, null, ChainProblem.BeyondHead);
            else if (!head.Hash.AsSpan().SequenceEqual(_last)) Flag(last, null, null, ChainProblem.Altered);
            return _first;
        }

        /// <summary>Keeps the earliest position; at one position, the more telling problem (a gap before a bad link before altered content).</summary>
        private void Flag(long position, long? id, DateTimeOffset? at, ChainProblem problem)
        {
            if (_first is null || position < _first.Position || position == _first.Position && Rank(problem) < Rank(_first.Problem))
                _first = new ChainBreak(chainId, position, id, at, problem);
        }

        private static int Rank(ChainProblem problem) => problem switch
        {
            ChainProblem.Missing or ChainProblem.Duplicated => 0,
            ChainProblem.NotLinked => 1,
            ChainProblem.Altered => 2,
            ChainProblem.AnchorMismatch => 3,
            _ => 4,
        };
    }
}

/// <summary>The outcome of a verification: rows checked, rows from before chaining, chains, the first break of each broken chain.</summary>
/// <param name="ChainsWalkedAgain">Chains whose rows came too far out of order for the buffer and were walked again in index order.</param>
public sealed record ChainVerification(long RowsChecked, long RowsBeforeChaining, int Chains, IReadOnlyList<ChainBreak> Breaks, TimeSpan Took,
    int ChainsWalkedAgain = 0)
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
