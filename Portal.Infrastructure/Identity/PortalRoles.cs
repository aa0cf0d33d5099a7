namespace Portal.Infrastructure.Identity;

/// <summary>The roles of the portal, with their Vietnamese names as the users know them.</summary>
public static class PortalRoles
{
    /// <summary>Quản trị hệ thống.</summary>
    public const string Admin = "Admin";
    /// <summary>Hiệu trưởng.</summary>
    public const string Principal = "Principal";
    /// <summary>Cán bộ phụ trách hồ sơ.</summary>
    public const string RecordsOfficer = "RecordsOfficer";
    /// <summary>Viên chức.</summary>
    public const string Staff = "Staff";
    /// <summary>Cơ quan quản lý cấp trên (read-only).</summary>
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<string> All = [Admin, Principal, RecordsOfficer, Staff, Supervisor];

    /// <summary>Comma lists for [Authorize(Roles = …)] and AuthorizeView, which take constants.</summary>
    public const string ReadersList = Admin + "," + Principal + "," + RecordsOfficer + "," + Supervisor;
    public const string WritersList = Admin + "," + Principal + "," + RecordsOfficer;
    public const string OverseersList = Admin + "," + Principal;

    /// <summary>Roles that may read the unit's staff records.</summary>
    public static readonly IReadOnlyList<string> RecordReaders = ReadersList.Split(',');

    /// <summary>Roles that may create and change staff records.</summary>
    public static readonly IReadOnlyList<string> RecordWriters = WritersList.Split(',');

    /// <summary>Roles that review the audit log, the outbox and the jobs.</summary>
    public static readonly IReadOnlyList<string> Overseers = OverseersList.Split(',');
}
