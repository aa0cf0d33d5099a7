namespace Portal.Infrastructure.Documents;

/// <summary>
/// A list of people proposed for a salary change in one period (danh sách đề nghị nâng bậc lương thường xuyên, nâng bậc
/// lương trước thời hạn, hưởng phụ cấp thâm niên vượt khung), already decided by the caller. The writers print the
/// lines in the given order and number them 1, 2, 3….
/// </summary>
public sealed record RaiseProposal(
    /// <summary>Cơ quan chủ quản, e.g. "UBND PHƯỜNG BÌNH TÂN"; printed in capitals.</summary>
    string SuperiorBody,
    /// <summary>The proposing unit, e.g. "TRƯỜNG TIỂU HỌC HOA SEN"; printed in capitals, bold and underlined.</summary>
    string UnitName,
    /// <summary>E.g. "DANH SÁCH ĐỀ NGHỊ NÂNG BẬC LƯƠNG THƯỜNG XUYÊN".</summary>
    string Title,
    /// <summary>E.g. "Tháng 12 năm 2026" or "Quý I năm 2027".</summary>
    string PeriodLabel,
    /// <summary>Địa danh before the date, e.g. "Thành phố Hồ Chí Minh".</summary>
    string Place,
    DateOnly Date,
    /// <summary>Chức vụ người ký, e.g. "HIỆU TRƯỞNG".</summary>
    string SignerTitle,
    /// <summary>Null leaves the space under the signature for the name to be written by hand.</summary>
    string? SignerName,
    IReadOnlyList<RaiseProposalLine> Lines);

/// <summary>One person: the step held now and the step (or allowance) proposed, from <see cref="NewFrom"/>.</summary>
public sealed record RaiseProposalLine(
    string FullName,
    DateOnly BornOn,
    /// <summary>Chức danh nghề nghiệp or ngạch, e.g. "Giáo viên tiểu học hạng II".</summary>
    string TitleName,
    /// <summary>Mã số, e.g. "V.07.03.28".</summary>
    string TitleCode,
    int CurrentStep,
    decimal CurrentCoefficient,
    /// <summary>Ngày hưởng of the step held now.</summary>
    DateOnly HeldSince,
    /// <summary>Phụ cấp thâm niên vượt khung held now, in percent (5 for 5%); null when none.</summary>
    decimal? CurrentBeyondFramePercent,
    /// <summary>Null when the step does not change (a beyond-frame allowance line).</summary>
    int? NewStep,
    decimal? NewCoefficient,
    decimal? NewBeyondFramePercent,
    DateOnly NewFrom,
    /// <summary>Hình thức: "Thường xuyên", "Trước thời hạn (thành tích)", "Trước thời hạn (nghỉ hưu)", "PCTNVK".</summary>
    string Kind,
    /// <summary>The short explanation printed under "Ghi chú".</summary>
    string? Note);
