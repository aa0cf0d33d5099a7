using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Audit;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Links the audit rows of a save into their chains (<see cref="AuditChain"/>). The chain heads are locked
/// (<c>SELECT … FOR UPDATE</c>) inside the save's transaction, so writers on several app instances append to one chain one
/// after another and the chain stays valid; writers of different units use different chains and never wait for each other.
/// When the caller has no transaction, one is opened here and committed when the save has succeeded.
/// </summary>
internal static class AuditChainWriter
{
    public static async Task LinkAsync(PortalDbContext db, CancellationToken ct)
    {
        var rows = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (rows.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            db.OwnAuditTransaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        foreach (var row in rows) row.ChainId = AuditChain.ChainOf(row.UnitId);
        // Sorted, so two saves touching the same chains lock them in the same order and cannot deadlock.
        var chains = rows.Select(r => r.ChainId).Distinct().Order().ToArray();
        var heads = await LockHeadsAsync(connection, transaction, chains, ct);
        foreach (var row in rows)
        {
            var head = heads[row.ChainId];
            row.At = AuditChain.Normalise(row.At);
            row.Seq = head.Seq + 1;
            row.PrevHash = head.Hash;
            row.Hash = AuditChain.Hash(row, head.Hash);
            heads[row.ChainId] = (row.Seq, row.Hash);
        }
        await using var update = new NpgsqlCommand(
            """UPDATE audit_chain_heads SET "Seq" = $2, "Hash" = $3 WHERE "ChainId" = $1""", connection, transaction);
        foreach (var (chain, head) in heads)
        {
            update.Parameters.Clear();
            update.Parameters.Add(new NpgsqlParameter { Value = chain, NpgsqlDbType = NpgsqlDbType.Uuid });
            update.Parameters.Add(new NpgsqlParameter { Value = head.Seq, NpgsqlDbType = NpgsqlDbType.Bigint });
            update.Parameters.Add(new NpgsqlParameter { Value = head.Hash, NpgsqlDbType = NpgsqlDbType.Bytea });
            await update.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<Dictionary<Guid, (long Seq, byte[] Hash)>> LockHeadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid[] chains, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            """INSERT INTO audit_chain_heads ("ChainId", "Seq", "Hash") SELECT c, 0, $2 FROM unnest($1) AS c ON CONFLICT DO NOTHING""", connection, transaction))
        {
            create.Parameters.Add(new NpgsqlParameter { Value = chains, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            create.Parameters.Add(new NpgsqlParameter { Value = AuditChain.Genesis, NpgsqlDbType = NpgsqlDbType.Bytea });
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var select = new NpgsqlCommand(
            """SELECT "ChainId", "Seq", "Hash" FROM audit_chain_heads WHERE "ChainId" = ANY($1) ORDER BY "ChainId" FOR UPDATE""", connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = chains, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        var heads = new Dictionary<Guid, (long, byte[])>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) heads[reader.GetGuid(0)] = (reader.GetInt64(1), (byte[])reader[2]);
        return heads;
    }

    public static async Task CommitAsync(PortalDbContext db, CancellationToken ct)
    {
        if (db.OwnAuditTransaction is not { } own) return;
        db.OwnAuditTransaction = null;
        await own.CommitAsync(ct);
        await own.DisposeAsync();
    }

    public static async Task RollbackAsync(PortalDbContext db)
    {
        if (db.OwnAuditTransaction is not { } own) return;
        db.OwnAuditTransaction = null;
        // The failure may already have ended the transaction (a broken connection, a parameter Npgsql refused); the
        // original exception is the one to surface, not a second one from here.
        try { await own.RollbackAsync(); }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or Npgsql.NpgsqlException) { }
        await own.DisposeAsync();
    }
}
