using Portal.Domain.Staff.History;

namespace Portal.Web.Features.Records;

/// <summary>The form model of one kind of history row: what the dialog edits and how it becomes a new row version.</summary>
public interface IRowForm<out TRow> where TRow : RecordRow
{
    Guid? DecisionId { get; set; }
    /// <summary>Why a correction is made (asked only when correcting).</summary>
    string? Reason { get; set; }
    TRow ToRow(RowStamp stamp);
}
