using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Decisions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Features.Deadlines;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>
/// The decisions register of a record and the scans behind it. Scans are kept in PostgreSQL with their SHA-256; the type
/// is judged from the bytes; a new upload of the same document adds a version and never overwrites.
/// </summary>
public sealed class DecisionService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, AttachmentOptions options,
    ObligationOpener obligations)
{
    public async Task<IReadOnlyList<DecisionRow>> ListAsync(Guid staffId, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return [];
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.StaffMemberId == staffId)
            .OrderByDescending(d => d.SignedOn).ThenByDescending(d => d.RecordedAt).ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.StaffMemberId == staffId && a.DecisionId != null)
            .OrderBy(a => a.VersionNumber).ToListAsync(ct);
        return decisions.Select(d => new DecisionRow(d, files.Where(f => f.DecisionId == d.Id).Select(AttachmentRow.From).ToList())).ToList();
    }

    public async Task<SaveResult> SaveAsync(Guid staffId, Guid? decisionId, uint? version, DecisionParticulars p, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        if (p.EffectiveOn < p.SignedOn) return SaveResult.Field(nameof(Decision.EffectiveOn), Strings.EffectiveBeforeSigned);
        if (p.SignedOn > clock.Today) return SaveResult.Field(nameof(Decision.SignedOn), Strings.DecisionDateInFuture);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await RecordService.InScope(db, scope).AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.UnitId }).SingleOrDefaultAsync(ct);
        if (staff is null) return SaveResult.Failed(Strings.StaffNotFound);
        Decision decision;
        if (decisionId is { } id)
        {
            decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id && d.StaffMemberId == staffId, ct)
                ?? throw new ForbiddenException(Strings.StaffNotFound);
            db.Entry(decision).Property(d => d.Version).OriginalValue = version ?? 0;
            var datesChanged = decision.SignedOn != p.SignedOn || decision.EffectiveOn != p.EffectiveOn || decision.Kind != p.Kind;
            decision.Apply(p);
            // Corrected dates move the clock of an obligation still open; a closed one keeps the dates it was judged by.
            if (datesChanged && await db.Obligations.SingleOrDefaultAsync(o => o.DecisionId == id && o.CompletedOn == null, ct) is { } open)
            {
                // One save: EF orders the delete before the insert that reuses its (rule, source) key.
                db.Obligations.Remove(open);
                await obligations.OpenForDecisionAsync(db, decision, ct);
            }
        }
        else
        {
            db.Decisions.Add(decision = new Decision(Guid.CreateVersion7(), staff.UnitId, staffId, p, clock.Now));
            await obligations.OpenForDecisionAsync(db, decision, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(decision.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, nameof(Decision), decision.Id, ct));
        }
    }

    /// <summary>
    /// Stores a scan for a decision or a dossier item. Refused with a Vietnamese message when too large or not a PDF,
    /// JPEG or PNG by its bytes. Uploading to an existing series adds its next version.
    /// </summary>
    public async Task<SaveResult> UploadAsync(Guid staffId, AttachmentTarget target, string fileName, Stream content, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        var bytes = await ReadLimitedAsync(content, options.MaxBytes, ct);
        if (bytes is null) return SaveResult.Field("File", string.Format(Strings.FileTooLarge, options.MaxBytes / (1024 * 1024)));
        if (bytes.Length == 0) return SaveResult.Field("File", Strings.FileEmpty);
        var contentType = FileSignature.Detect(bytes);
        if (contentType is null) return SaveResult.Field("File", Strings.FileTypeRefused);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await RecordService.InScope(db, scope).AsNoTracking().Where(s => s.Id == staffId).Select(s => new { s.UnitId }).SingleOrDefaultAsync(ct);
        if (staff is null) return SaveResult.Failed(Strings.StaffNotFound);
        if (target.DecisionId is { } decisionId && !await db.Decisions.AnyAsync(d => d.Id == decisionId && d.StaffMemberId == staffId, ct))
            return SaveResult.Failed(Strings.StaffNotFound);
        if (target.DossierItemCode is { } code && !await db.DossierItemTypes.AnyAsync(t => t.Code == code, ct))
            return SaveResult.Failed(Strings.StaffNotFound);
        var previous = await db.Attachments.AsNoTracking()
            .Where(a => a.StaffMemberId == staffId && a.DecisionId == target.DecisionId && a.DossierItemCode == target.DossierItemCode)
            .OrderByDescending(a => a.VersionNumber).Select(a => new { a.SeriesId, a.VersionNumber }).FirstOrDefaultAsync(ct);
        var id = Guid.CreateVersion7();
        var attachment = new Attachment(id, previous?.SeriesId ?? id, (previous?.VersionNumber ?? 0) + 1, staff.UnitId, staffId,
            target.DecisionId, target.DossierItemCode, SafeName(fileName, contentType), contentType, bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), clock.Now, scope.UserName);
        db.Attachments.Add(attachment);
        db.AttachmentContents.Add(new AttachmentContent(id, bytes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two uploads raced for the same version number: the unique index kept the series straight; ask to retry.
            return SaveResult.Failed(Strings.SaveFailedRetry);
        }
        return SaveResult.Saved(id);
    }

    /// <summary>
    /// The file, for the roles that keep records (scans show signatures and personal papers, so the read-only supervising
    /// body sees that a scan exists, not its content); the download is audited before the bytes leave.
    /// </summary>
    public async Task<AttachmentFile?> DownloadAsync(Guid attachmentId, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && scope.UnitIds(db).Contains(a.UnitId)).SingleOrDefaultAsync(ct);
        if (attachment is null) return null;
        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes).SingleAsync(ct);
        await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Exported, nameof(Attachment), attachmentId.ToString(), ct,
            unitId: attachment.UnitId, detail: $"{attachment.FileName} sha256:{attachment.Sha256}", subjectId: attachment.StaffMemberId);
        return new AttachmentFile(attachment.FileName, attachment.ContentType, bytes);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The name without any path, with the extension the bytes deserve.</summary>
    internal static string SafeName(string fileName, string contentType)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        if (string.IsNullOrWhiteSpace(name)) name = "tep";
        if (name.Length > 200) name = name[..200];
        return name + FileSignature.Extension(contentType);
    }
}

/// <summary>Where a scan is filed: under a decision, or under a dossier item.</summary>
public sealed record AttachmentTarget(Guid? DecisionId, string? DossierItemCode);

public sealed record DecisionRow(Decision Decision, IReadOnlyList<AttachmentRow> Files);

public sealed record AttachmentRow(Guid Id, int VersionNumber, string FileName, string ContentType, long SizeBytes, string Sha256,
    DateTimeOffset UploadedAt, string UploadedBy)
{
    public static AttachmentRow From(Attachment a) => new(a.Id, a.VersionNumber, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.UploadedBy);
}

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>Limits for scans; <c>Portal:Attachments:MaxBytes</c>, 20 MB unless configured.</summary>
public sealed record AttachmentOptions(long MaxBytes)
{
    public static AttachmentOptions From(IConfiguration configuration) =>
        new(configuration.GetValue("Portal:Attachments:MaxBytes", 20L * 1024 * 1024));
}

/// <summary>A decision offered in a row dialog's picker.</summary>
public sealed record DecisionChoice(Guid Id, string Label)
{
    public static DecisionChoice From(Decision d) => new(d.Id, $"{d.Number} — {EnumLabels.Of(d.Kind)} ({d.SignedOn:dd/MM/yyyy})");
}
