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
        Span<string?> fields =
        [
            e.ChainId.ToString("N"), e.Seq.ToString(CultureInfo.InvariantCulture), Normalise(e.At).UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.CorrelationId.ToString("N"), e.UserId, e.UserName, e.UnitId?.ToString("N"), e.ClientIp, e.UserRole, e.UserAgent,
            ((int)e.Action).ToString(CultureInfo.InvariantCulture), e.Entity, e.EntityKey, e.SubjectId?.ToString("N"), e.Field, e.OldValue, e.NewValue,
        ];
        // One allocation: the verifier hashes millions of rows.
        var length = 0;
        foreach (var f in fields) length += 4 + (f is null ? 0 : Encoding.UTF8.GetByteCount(f));
        var buffer = new byte[length];
        var at = 0;
        foreach (var f in fields)
        {
            if (f is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), -1);
                at += 4;
                continue;
            }
            var written = Encoding.UTF8.GetBytes(f, buffer.AsSpan(at + 4));
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(at), written);
            at += 4 + written;
        }
        return buffer;
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
