using Portal.Domain;

namespace Portal.Tests.Domain;

public sealed class DiacriticsTests
{
    [Theory]
    [InlineData("  BẰNG KHEN  của Thủ tướng", "bang khen cua thu tuong")]
    [InlineData("Không hoàn thành nhiệm vụ", "khong hoan thanh nhiem vu")]
    [InlineData("Đặng Thị Đào", "dang thi dao")]
    [InlineData("Phó Hiệu trưởng\tkiêm nhiệm", "pho hieu truong kiem nhiem")]
    [InlineData("", "")]
    public void Hand_typed_Vietnamese_folds_to_one_comparable_form(string typed, string folded) => Assert.Equal(folded, Diacritics.Fold(typed));
}
