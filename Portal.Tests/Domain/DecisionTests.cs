using Portal.Domain.Decisions;

namespace Portal.Tests.Domain;

public sealed class DecisionTests
{
    private static DecisionParticulars Signed(DateOnly signedOn, DateOnly effectiveOn) =>
        new("125/QĐ-UBND", DecisionKind.Recruitment, "Tuyển dụng viên chức", "Nguyễn Văn An", "UBND Quận 3", signedOn, effectiveOn);

    private static Decision Register(DecisionParticulars particulars) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), particulars, new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public void A_decision_cannot_take_effect_before_it_is_signed()
    {
        Assert.Throws<ArgumentException>(() => Register(Signed(new(2026, 11, 2), new(2026, 11, 1))));

        var decision = Register(Signed(new(2026, 11, 2), new(2026, 11, 2)));
        Assert.Throws<ArgumentException>(() => decision.Apply(Signed(new(2026, 11, 2), new(2026, 11, 1))));
        Assert.Equal(new DateOnly(2026, 11, 2), decision.EffectiveOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void A_decision_may_take_effect_the_day_it_is_signed_or_later(int daysAfter)
    {
        var decision = Register(Signed(new(2026, 11, 2), new DateOnly(2026, 11, 2).AddDays(daysAfter)));

        Assert.Equal(new DateOnly(2026, 11, 2).AddDays(daysAfter), decision.EffectiveOn);
    }

    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static TheoryData<string, byte[], string?> Headers => new()
    {
        { "PDF 1.7: %PDF-1.7", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), FileSignature.Pdf },
        { "PNG: the 8-byte signature and the IHDR chunk", PngHeader, FileSignature.Png },
        { "JPEG/JFIF: FF D8 FF E0", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], FileSignature.Jpeg },
        { "JPEG/Exif from a phone camera: FF D8 FF E1", [0xFF, 0xD8, 0xFF, 0xE1, 0x1C, 0x45, 0x45, 0x78, 0x69, 0x66], FileSignature.Jpeg },
        { "ZIP, so also DOCX and XLSX: 50 4B 03 04", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], null },
        { "a Windows program: MZ", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], null },
        { "plain text", "Quyết định số 125/QĐ-UBND"u8.ToArray(), null },
        { "an empty file", [], null },
        { "a PNG signature cut after 4 bytes", PngHeader[..4], null },
        { "the PDF marker not at the start", " %PDF-1.7"u8.ToArray(), null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void A_file_is_a_PDF_JPEG_or_PNG_by_its_first_bytes_or_nothing(string _, byte[] head, string? contentType) =>
        Assert.Equal(contentType, FileSignature.Detect(head));

    [Fact]
    public void A_PNG_named_pdf_is_a_PNG_because_the_name_never_decides()
    {
        const string uploadedAs = "QD-125-UBND.pdf";

        var contentType = FileSignature.Detect(PngHeader);

        Assert.Equal(FileSignature.Png, contentType);
        Assert.NotEqual(Path.GetExtension(uploadedAs), FileSignature.Extension(contentType!));
        Assert.Equal(".png", FileSignature.Extension(contentType!));
    }
}
