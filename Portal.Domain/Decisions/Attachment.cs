namespace Portal.Domain.Decisions;

/// <summary>
/// A scan or attachment (bản quét, tệp đính kèm): a PDF, JPEG or PNG of a decision or a dossier paper. Files are never
/// overwritten: uploading again adds the next <see cref="VersionNumber"/> of the same <see cref="SeriesId"/>.
/// The bytes live in <see cref="AttachmentContent"/> so listing attachments never reads them.
/// </summary>
public sealed class Attachment
{
    private Attachment() { }

    public Attachment(Guid id, Guid seriesId, int versionNumber, Guid unitId, Guid staffMemberId, Guid? decisionId, string? dossierItemCode,
        string fileName, string contentType, long sizeBytes, string sha256, DateTimeOffset uploadedAt, string uploadedBy)
    {
        if (decisionId is null && dossierItemCode is null) throw new ArgumentException("An attachment belongs to a decision or a dossier item.");
        if (versionNumber < 1) throw new ArgumentOutOfRangeException(nameof(versionNumber));
        if (sha256.Length != 64) throw new ArgumentException("A SHA-256 is 64 hex digits.", nameof(sha256));
        (Id, SeriesId, VersionNumber, UnitId, StaffMemberId, DecisionId, DossierItemCode) =
            (id, seriesId, versionNumber, unitId, staffMemberId, decisionId, dossierItemCode);
        (FileName, ContentType, SizeBytes, Sha256, UploadedAt, UploadedBy) = (fileName, contentType, sizeBytes, sha256, uploadedAt, uploadedBy);
    }

    public Guid Id { get; private set; }
    /// <summary>The same document across uploads.</summary>
    public Guid SeriesId { get; private set; }
    public int VersionNumber { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public Guid? DecisionId { get; private set; }
    public string? DossierItemCode { get; private set; }
    public string FileName { get; private set; } = "";
    /// <summary>Decided from the file's first bytes, never from what the browser claimed.</summary>
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the bytes, for integrity checks and matching the paper copy.</summary>
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";
}

/// <summary>The bytes of an <see cref="Attachment"/>, stored in PostgreSQL (bytea) with the record they belong to.</summary>
public sealed class AttachmentContent
{
    private AttachmentContent() { }

    public AttachmentContent(Guid attachmentId, byte[] bytes) => (AttachmentId, Bytes) = (attachmentId, bytes);

    public Guid AttachmentId { get; private set; }
    public byte[] Bytes { get; private set; } = [];
}

/// <summary>What a file is, judged by its first bytes ("magic numbers"); the only types a scan may be.</summary>
public static class FileSignature
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type, or null when the bytes are none of PDF, JPEG, PNG (whatever the file name says).</summary>
    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(PdfMagic) ? Pdf
        : head.StartsWith(PngMagic) ? Png
        : head.StartsWith(JpegMagic) ? Jpeg
        : null;

    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Png => ".png",
        Jpeg => ".jpg",
        _ => "",
    };
}
