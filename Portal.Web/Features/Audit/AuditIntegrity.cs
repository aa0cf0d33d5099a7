using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Audit;
using Portal.Domain.Mail;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Audit;

/// <summary>The principal's "check the log" button: verifies the chains of the units the principal oversees. The check is itself logged.</summary>
public sealed class AuditIntegrityService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock)
{
    public async Task<IntegrityReport> VerifyAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(scope.UnitPath)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var chains = units.Keys.Select(id => AuditChain.ChainOf(id)).ToList();
        if (scope.IsAtRoot) chains.Add(AuditChain.ChainOf(null));
        await db.Database.OpenConnectionAsync(ct);
        var result = await AuditChainVerifier.VerifyAsync((NpgsqlConnection)db.Database.GetDbConnection(), chains, ct);
        await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Viewed, "AuditChain", "verify", ct, unitId: scope.UnitId,
            detail: result.Intact ? $"nguyên vẹn, {result.RowsChecked} dòng" : $"{result.Breaks.Count} chỗ đứt");
        return IntegrityReport.From(result, units);
    }
}

/// <summary>A verification as the principal reads it: counts, time, and each break with the unit's name.</summary>
public sealed record IntegrityReport(long RowsChecked, long RowsBeforeChaining, int Chains, TimeSpan Took, IReadOnlyList<IntegrityBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;

    public static IntegrityReport From(ChainVerification v, IReadOnlyDictionary<Guid, string> unitNames) =>
        new(v.RowsChecked, v.RowsBeforeChaining, v.Chains, v.Took, v.Breaks.Select(b => new IntegrityBreak(
            unitNames.GetValueOrDefault(b.ChainId) ?? Strings.NoUnitChain, b.Position, b.RowId, b.At, b.Problem)).ToList());
}

public sealed record IntegrityBreak(string Unit, long Position, long? RowId, DateTimeOffset? At, ChainProblem Problem);

/// <summary>
/// End of each school day: records each chain's last link as the day's anchor and mails it to the unit's principals
/// (Admins for rows of no unit). Idempotent: one anchor per chain and day (unique), one mail per anchor (outbox key).
/// </summary>
public sealed class AuditAnchorJob(IDbContextFactory<PortalDbContext> contexts, SchoolClock clock, ILogger<AuditAnchorJob> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var day = clock.Today;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var anchored = await db.AuditAnchors.Where(a => a.Day == day).Select(a => a.ChainId).ToListAsync(ct);
        var heads = await db.AuditChainHeads.AsNoTracking().Where(h => h.Seq > 0 && !anchored.Contains(h.ChainId)).ToListAsync(ct);
        if (heads.Count == 0) return 0;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var principals = await Recipients.WithRoleAsync(db, PortalRoles.Principal, null, clock.Today, ct);
        var admins = await Recipients.WithRoleAsync(db, PortalRoles.Admin, null, clock.Today, ct);
        foreach (var head in heads)
        {
            db.AuditAnchors.Add(new AuditAnchor { Day = day, ChainId = head.ChainId, Seq = head.Seq, Hash = head.Hash, RecordedAt = clock.Now });
            var unitId = head.ChainId == Guid.Empty ? (Guid?)null : head.ChainId;
            var unitName = unitId is { } u ? units.GetValueOrDefault(u, u.ToString()) : Strings.NoUnitChain;
            var hash = Convert.ToHexStringLower(head.Hash);
            foreach (var to in unitId is null ? admins : principals.Where(p => p.UnitId == unitId))
                db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), $"audit-anchor:{day:yyyy-MM-dd}:{head.ChainId:N}:{to.UserId}", unitId, to.Email,
                    string.Format(Strings.AnchorSubject, day.ToString("dd/MM/yyyy"), unitName),
                    string.Format(Strings.AnchorBody, to.FullName, unitName, day.ToString("dd/MM/yyyy"), head.Seq, hash), clock.Now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            log.LogInformation("Another instance anchored the audit chains of {Day}.", day);
            return 0;
        }
        log.LogInformation("Anchored {Count} audit chain(s) for {Day}.", heads.Count, day);
        return heads.Count;
    }
}

/// <summary>Nightly: verifies every chain; a break is logged as an error and mailed to the Admins and the unit's principals.</summary>
public sealed class AuditVerifyJob(IDbContextFactory<PortalDbContext> contexts, SchoolClock clock, ILogger<AuditVerifyJob> log)
{
    public async Task<ChainVerification> RunAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var result = await AuditChainVerifier.VerifyAsync((NpgsqlConnection)db.Database.GetDbConnection(), null, ct);
        log.LogInformation("Audit chains verified: {Rows} rows in {Chains} chains in {Seconds:F1} s, {Breaks} break(s).",
            result.RowsChecked, result.Chains, result.Took.TotalSeconds, result.Breaks.Count);
        if (result.Intact) return result;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var admins = await Recipients.WithRoleAsync(db, PortalRoles.Admin, null, clock.Today, ct);
        var principals = await Recipients.WithRoleAsync(db, PortalRoles.Principal, null, clock.Today, ct);
        foreach (var b in result.Breaks)
        {
            log.LogError("Audit chain {Chain} broken at position {Position}: {Problem} (row {Row}).", b.ChainId, b.Position, b.Problem, b.RowId);
            var unitName = units.GetValueOrDefault(b.ChainId) ?? Strings.NoUnitChain;
            foreach (var to in admins.Concat(principals.Where(p => p.UnitId == b.ChainId)))
                db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), $"audit-break:{b.ChainId:N}:{b.Position}:{b.Problem}:{to.UserId}",
                    b.ChainId == Guid.Empty ? null : b.ChainId, to.Email, string.Format(Strings.BreakSubject, unitName),
                    string.Format(Strings.BreakBody, to.FullName, unitName, b.Position, EnumLabels.Of(b.Problem), b.RowId), clock.Now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // This break was reported before (same chain, position and problem): one mail per break, not one per night.
        }
        return result;
    }
}
