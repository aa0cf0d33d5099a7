using System.Globalization;

namespace Portal.Web.Shared;

/// <summary>Money as Vietnamese documents write it: 1.234.567 đ.</summary>
public static class Money
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Format(long? amount) => amount is { } a ? a.ToString("#,0", Vietnamese) + " đ" : "";

    /// <summary>A salary coefficient as the forms print it: "3,33".</summary>
    public static string Coefficient(decimal value) => value.ToString("0.00", Vietnamese);
}
