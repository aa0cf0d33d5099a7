using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Audit;

/// <summary>
/// The hash chain that makes the audit log tamper-evident. Each row's hash covers its canonical content and the previous
/// row's hash in the same chain (one chain per unit, so writers of different schools never wait for each other). Changing,
/// removing or inserting a row anywhere breaks every later link; rewriting a whole chain is caught by the daily anchors
/// mailed to the principal.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a chain's first row.</summary>
    public static readonly byte[] Genesis = new byte[32];

    /// <summary>The chain a row belongs to: its unit's, or the chain of rows that belong to no unit.</summary>
    public static Guid ChainOf(Guid? unitId) => unitId ?? Guid.Empty;

    /// <summary>
    /// PostgreSQL keeps instants to the microsecond; the hash must be taken over what is stored, so instants are truncated
    /// before they are hashed and saved (.NET ticks are 100 ns).
    /// </summary>
    public static DateTimeOffset Normalise(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>SHA-256 over the previous hash and the row's canonical content.</summary>
    public static byte[] Hash(AuditEntry e, ReadOnlySpan<byte> previous)
    {
        if (previous.Length != 32) throw new ArgumentException("A previous hash is 32 bytes.", nameof(previous));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(Canonical(e));
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// The row as bytes, field by field in a fixed order, each as a 4-byte length then UTF-8 (length −1 for null), so
    /// no two different rows share a canonical form ("ab"+"c" differs from "a"+"bc"; null differs from "").
    /// </summary>
    public static byte[] Canonical(AuditEntry e)
    {
        var buffer = new List<byte>(256);
        Add(buffer, e.ChainId.ToString("N"));
        Add(buffer, e.Seq.ToString(CultureInfo.InvariantCulture));
        Add(buffer, Normalise(e.At).UtcTicks.ToString(CultureInfo.InvariantCulture));
        Add(buffer, e.CorrelationId.ToString("N"));
        Add(buffer, e.UserId);
        Add(buffer, e.UserName);
        Add(buffer, e.UnitId?.ToString("N"));
        Add(buffer, e.ClientIp);
        Add(buffer, e.UserRole);
        Add(buffer, e.UserAgent);
        Add(buffer, ((int)e.Action).ToString(CultureInfo.InvariantCulture));
        Add(buffer, e.Entity);
        Add(buffer, e.EntityKey);
        Add(buffer, e.SubjectId?.ToString("N"));
        Add(buffer, e.Field);
        Add(buffer, e.OldValue);
        Add(buffer, e.NewValue);
        return [.. buffer];
    }

    private static void Add(List<byte> buffer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            buffer.AddRange(length.ToArray());
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.AddRange(length.ToArray());
        buffer.AddRange(bytes);
    }
}

/// <summary>The last link of one chain: its sequence number and hash. Locked while a writer appends to the chain.</summary>
public sealed class AuditChainHead
{
    public Guid ChainId { get; set; }
    public long Seq { get; set; }
    public byte[] Hash { get; set; } = AuditChain.Genesis;
}

/// <summary>
/// A chain's last link at the end of a day, mailed to the principal (mốc đối chiếu). If anyone later rewrites the chain —
/// even a database superuser recomputing every hash — the row at <see cref="Seq"/> no longer carries <see cref="Hash"/>,
/// and the mails in the principal's inbox prove what the log said on that day.
/// </summary>
public sealed class AuditAnchor
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public Guid ChainId { get; set; }
    public long Seq { get; set; }
    public byte[] Hash { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }
}
