using MudBlazor;

namespace Portal.Web.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1b5e9f", AppbarBackground = "#1b5e9f" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["Roboto", "Arial", "sans-serif"] } },
    };
}
