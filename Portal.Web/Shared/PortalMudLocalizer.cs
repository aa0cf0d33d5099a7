using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Web.Resources;

namespace Portal.Web.Shared;

/// <summary>
/// MudBlazor's own labels (pager buttons, sort, clear) from our resources, so screen readers and tooltips speak
/// Vietnamese too. A key we do not carry falls back to MudBlazor's English.
/// </summary>
internal sealed class PortalMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key] =>
        Strings.ResourceManager.GetString(key, Strings.Culture) is { } text
            ? new LocalizedString(key, text)
            : new LocalizedString(key, key, resourceNotFound: true);
}
