using System.Globalization;
using System.Runtime.CompilerServices;

namespace Portal.Tests.Testing;

internal static class TestCulture
{
    /// <summary>The portal speaks Vietnamese by default; tests assert its messages whatever the machine's locale.</summary>
    [ModuleInitializer]
    internal static void UseVietnamese()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
    }
}
