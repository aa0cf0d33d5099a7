using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Shared;

/// <summary>Failures of a server part (database down, connection cut, timeout) that a user can meet and retry.</summary>
public static class ServerFailure
{
    /// <summary>
    /// Npgsql's execution strategy wraps a transient database error in an InvalidOperationException ("likely due to a
    /// transient failure"); EF wraps save errors in DbUpdateException. All of them mean: nothing was saved, try again.
    /// </summary>
    public static bool IsServerFailure(this Exception e) => e switch
    {
        DbException or TimeoutException => true,
        DbUpdateException { InnerException: DbException or TimeoutException } => true,
        InvalidOperationException { InnerException: { } inner } => inner.IsServerFailure(),
        _ => false,
    };
}
