namespace Portal.Web.Features.DeadlineSettings;

/// <summary>
/// Values that show the Admin what a mail will look like: realistic, and invented (no real person's name). A placeholder
/// without a sample shows its own name in «».
/// </summary>
public static class MailSamples
{
    public static IReadOnlyDictionary<string, string> For(IEnumerable<string> placeholders, DateOnly today)
    {
        var known = new Dictionary<string, string>
        {
            ["HoTen"] = "Phan Thị Diệu Hằng",
            ["Ngay"] = today.ToString("dd/MM/yyyy"),
            ["SoViec"] = "3",
            ["ViecCuaBan"] = "Việc bạn phụ trách (sắp đến hạn hoặc đã quá hạn):\n" +
                $"- Đoàn Minh Khôi: Cập nhật đầy đủ hồ sơ điện tử viên chức mới tuyển dụng — hạn {today.AddDays(5):dd/MM/yyyy} (còn 5 ngày); " +
                "căn cứ: Quy chế quản lý hồ sơ điện tử, Điều 8 khoản 1\n" +
                $"- Lò Thị Ngọc Trâm: Cập nhật vào hồ sơ thông tin thay đổi theo quyết định — hạn {today.AddDays(-2):dd/MM/yyyy} (quá hạn 2 ngày); " +
                "căn cứ: Quy chế quản lý hồ sơ điện tử, Điều 8 khoản 2 điểm a\n",
            ["QuaHanDonVi"] = "Việc đã quá hạn trong đơn vị của bạn:\n" +
                $"- Trường Tiểu học Sao Mai: Báo cáo tình hình quản lý hồ sơ điện tử đợt 2 — hạn {today.AddDays(-4):dd/MM/yyyy} (quá hạn 4 ngày)\n",
            ["QuaHanCapDuoi"] = "",
            ["TomTat"] = "Tóm tắt: 2 việc của bạn (1 quá hạn), 1 việc quá hạn trong đơn vị, 0 việc quá hạn ở đơn vị trực thuộc.",
            ["DuongDan"] = "https://portal.example/deadlines",
            ["DonVi"] = "Trường Tiểu học Sao Mai",
            ["Thang"] = $"Tháng {today.AddMonths(1):MM/yyyy}",
            ["NangLuong"] = $"Đến hạn nâng bậc lương thường xuyên (1):\n- Vi Thị Hồng Nhung: bậc 3 (3,00) lên bậc 4 (3,33) từ 01/{today.AddMonths(1):MM/yyyy}\n\n",
            ["VuotKhung"] = $"Phụ cấp thâm niên vượt khung thay đổi (1):\n- Triệu Văn Khải: 6% lên 7% từ 15/{today.AddMonths(1):MM/yyyy}\n\n",
            ["NghiHuu"] = $"Nghỉ hưu trong 12 tháng tới (1):\n- Hà Thị Mỹ Duyên: nghỉ hưu từ 01/{today.AddMonths(7):MM/yyyy} (còn 7 tháng)\n\n",
            ["TruocThoiHan"] = "",
        };
        return placeholders.ToDictionary(p => p, p => known.TryGetValue(p, out var value) ? value : $"«{p}»");
    }
}
