using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Decisions;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Records;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Salary;

/// <summary>
/// A person picked from the list, with what the list showed: the kind, the date and the step or percentage proposed. The
/// server recomputes and refuses when that is no longer what it finds (a decision recorded meanwhile, a record changed).
/// </summary>
public sealed record RaisePick(Guid StaffId, EligibilityKind Kind, DateOnly DueOn, int? NextStep, decimal? NextBeyondFramePercent)
{
    public static RaisePick Of(EligibilityRow row) => new(row.StaffId, row.Kind, row.DueOn, row.NextStep, row.NextBeyondFramePercent);
}

/// <summary>The signed paper's scan.</summary>
public sealed record ScanFile(string FileName, byte[] Bytes);

/// <summary>
/// Records one raise decision for many people in one step (the principal's tick list): for each person the decision in
/// their register, the scan, the new salary row the engine computed, and the update obligation, opened and met in the
/// same save. Everything or nothing: one person no longer eligible refuses the whole decision with their name.
/// </summary>
public sealed class RaiseDecisionService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, SalaryOptions options,
    AttachmentOptions attachments, ObligationOpener obligations)
{
    /// <summary>
    /// Records <paramref name="input"/> (its kind is always a salary raise) for the people picked. An empty summary gets each
    /// person's own ("Nâng bậc thường xuyên: từ bậc 3 (3,00) lên bậc 4 (3,33) từ 01/12/2026").
    /// </summary>
    public async Task<SaveResult> RecordAsync(DecisionParticulars input, IReadOnlyList<RaisePick> picks, ScanFile? scan, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        var today = clock.Today;
        if (string.IsNullOrWhiteSpace(input.Number)) return SaveResult.Field(nameof(input.Number), Strings.RegisterDecisionNumberRequired);
        if (string.IsNullOrWhiteSpace(input.Signer)) return SaveResult.Field(nameof(input.Signer), Strings.SignerRequired);
        if (string.IsNullOrWhiteSpace(input.IssuingBody)) return SaveResult.Field(nameof(input.IssuingBody), Strings.IssuingBodyRequired);
        if (input.SignedOn > today) return SaveResult.Field(nameof(input.SignedOn), Strings.DecisionDateInFuture);
        if (input.EffectiveOn < input.SignedOn) return SaveResult.Field(nameof(input.EffectiveOn), Strings.EffectiveBeforeSigned);
        if (picks.Count == 0) return SaveResult.Failed(Strings.RaiseNobodyPicked);
        if (picks.Any(p => p.Kind == EligibilityKind.Retirement)) return SaveResult.Failed(Strings.RaiseRetirementNotARaise);
        if (picks.DistinctBy(p => p.StaffId).Count() != picks.Count) return SaveResult.Failed(Strings.RaisePickedTwice);
        string? contentType = null;
        if (scan is not null)
        {
            if (scan.Bytes.Length == 0) return SaveResult.Field("File", Strings.FileEmpty);
            if (scan.Bytes.Length > attachments.MaxBytes) return SaveResult.Field("File", string.Format(Strings.FileTooLarge, attachments.MaxBytes / (1024 * 1024)));
            contentType = FileSignature.Detect(scan.Bytes);
            if (contentType is null) return SaveResult.Field("File", Strings.FileTypeRefused);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = picks.Select(p => p.StaffId).Order().ToArray();
        // Two decisions for the same people at once: the second waits here, then finds the first one's rows and refuses
        // (what it recomputes no longer matches what its list showed). Locked in id order, so two decisions cannot deadlock.
        var locked = await db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM staff_members WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""").ToListAsync(ct);
        var staff = db.Staff.Where(s => ids.Contains(s.Id) && scope.UnitIds(db).Contains(s.UnitId) && s.Status == StaffStatus.Active);
        var law = await SalaryFactsLoader.LawAsync(db, ct);
        var units = await SalaryFactsLoader.UnitsAsync(db, staff.Select(s => s.UnitId).Distinct(), ct);
        var people = (await SalaryFactsLoader.LoadAsync(db, staff, units, clock.Today, ct)).ToDictionary(p => p.Facts.StaffId);
        if (people.Count != ids.Length || locked.Count != ids.Length) return SaveResult.Failed(Strings.StaffNotFound);

        // Judged as of today, for the review year of the signature; anything due within a year of it may be decided now.
        var rows = new List<EligibilityRow>();
        var refused = new List<string>();
        foreach (var pick in picks)
        {
            var person = people[pick.StaffId];
            var row = Eligibility.Of(person, law, today, DateOnly.MinValue, input.SignedOn.AddYears(1), options, input.SignedOn.Year)
                .FirstOrDefault(r => r.Kind == pick.Kind && r.CanDecide && r.DueOn == pick.DueOn && r.NextStep == pick.NextStep
                                     && r.NextBeyondFramePercent == pick.NextBeyondFramePercent);
            if (row is null) refused.Add(person.Facts.FullName);
            else rows.Add(row);
        }
        if (refused.Count > 0) return SaveResult.Failed(string.Format(Strings.RaiseNoLongerEligible, string.Join(", ", refused)));

        var early = rows.Where(r => r.Kind == EligibilityKind.EarlyForAchievement).GroupBy(r => r.UnitId).ToList();
        if (early.Count > 0)
        {
            // Two decisions for different people of one school must not share its last slot: the school's row is the lock.
            var schoolIds = early.Select(g => g.Key).Order().ToArray();
            await db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM org_units WHERE "Id" = ANY({schoolIds}) ORDER BY "Id" FOR UPDATE""").ToListAsync(ct);
            var quotas = (await EligibilityService.QuotasAsync(db, units, law, input.SignedOn.Year, ct)).ToDictionary(q => q.UnitId);
            foreach (var unit in early)
            {
                var quota = quotas.GetValueOrDefault(unit.Key);
                var (slots, used) = (quota?.Slots ?? 0, quota?.Used ?? 0);
                if (used + unit.Count() > slots)
                    return SaveResult.Failed(string.Format(Strings.RaiseQuotaExceeded, units[unit.Key].Name, slots, used, unit.Count()));
            }
        }

        var now = clock.Now;
        var sha = scan is null ? null : Convert.ToHexStringLower(SHA256.HashData(scan.Bytes));
        foreach (var row in rows)
        {
            var current = row.Current!;
            var decision = new Decision(Guid.CreateVersion7(), row.UnitId, row.StaffId,
                new DecisionParticulars(input.Number, DecisionKind.SalaryRaise, string.IsNullOrWhiteSpace(input.Summary) ? Summary(row) : input.Summary,
                    input.Signer, input.IssuingBody, input.SignedOn, input.EffectiveOn), now);
            db.Decisions.Add(decision);
            if (scan is not null)
            {
                var attachmentId = Guid.CreateVersion7();
                db.Attachments.Add(new Attachment(attachmentId, attachmentId, 1, row.UnitId, row.StaffId, decision.Id, null,
                    DecisionService.SafeName(scan.FileName, contentType!), contentType!, scan.Bytes.Length, sha!, now, scope.UserName));
                db.AttachmentContents.Add(new AttachmentContent(attachmentId, scan.Bytes));
            }
            // The new row carries on the current one: title name, appointment day and percentage received stay as they were.
            var held = await db.SalaryRecords.AsNoTracking()
                .Where(r => r.StaffMemberId == row.StaffId && r.SupersededAt == null && !r.Withdrawn && r.ValidFrom == current.From)
                .OrderByDescending(r => r.RecordedAt).Select(r => new { r.TitleName, r.TitleAppointedOn, r.PercentReceived }).FirstAsync(ct);
            var beyondFrame = row.Kind == EligibilityKind.BeyondFrame;
            db.SalaryRecords.Add(new SalaryRecord(row.StaffId, Guid.CreateVersion7(), row.DueOn, null, decision.Id, now, scope.UserName,
                new SalaryDetails(current.TitleCode, held.TitleName, current.Group, beyondFrame ? current.Step : row.NextStep!.Value,
                    beyondFrame ? current.Coefficient : row.NextCoefficient!.Value, held.PercentReceived,
                    beyondFrame ? row.NextBeyondFramePercent : null, held.TitleAppointedOn, KindOf(row.Kind))));
            // The row that cites the decision is saved with it: the 15-day update is met the day the decision is recorded.
            if (await obligations.OpenForDecisionAsync(db, decision, ct) is { } obligation) obligation.Complete(today, ObligationOpener.ClosedBySystem);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = AuditChain.Normalise(now), CorrelationId = Guid.Empty, Action = AuditAction.Added, Entity = nameof(Decision),
            EntityKey = input.Number.Trim(), Field = "SalaryRaise", UnitId = rows[0].UnitId,
            NewValue = string.Format(Strings.RaiseDecisionAudit, input.Number.Trim(), rows.Count, string.Join("; ", rows.Select(r => $"{r.FullName} ({EnumLabels.Of(r.Kind)})"))),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SaveResult.Saved(rows[0].StaffId);
        }
        catch (DbUpdateException)
        {
            return SaveResult.Failed(Strings.SaveFailedRetry);
        }
    }

    private static RaiseKind KindOf(EligibilityKind kind) => kind switch
    {
        EligibilityKind.RegularRaise => RaiseKind.Regular,
        EligibilityKind.BeyondFrame => RaiseKind.BeyondFrame,
        EligibilityKind.EarlyForAchievement => RaiseKind.EarlyForAchievement,
        EligibilityKind.EarlyBeforeRetirement => RaiseKind.EarlyBeforeRetirement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>"Nâng bậc lương thường xuyên từ bậc 3 (3,00) lên bậc 4 (3,33) từ 01/09/2026".</summary>
    private static string Summary(EligibilityRow row) => row.Kind == EligibilityKind.BeyondFrame
        ? string.Format(Strings.RaiseSummaryBeyondFrame, row.NextBeyondFramePercent, row.DueOn.ToString("dd/MM/yyyy"))
        : string.Format(Strings.RaiseSummaryStep, EnumLabels.Of(row.Kind), row.Current!.Step, Money.Coefficient(row.Current.Coefficient), row.NextStep,
            Money.Coefficient(row.NextCoefficient!.Value), row.DueOn.ToString("dd/MM/yyyy"));
}
