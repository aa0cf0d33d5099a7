using Portal.Web.Shared;

namespace Portal.Tests.Components;

public sealed class PortalMudLocalizerTests
{
    [Fact]
    public void MudBlazor_labels_we_carry_are_Vietnamese_and_others_fall_back_to_MudBlazor()
    {
        var localizer = new PortalMudLocalizer();

        Assert.Equal("Trang sau", localizer["MudDataGridPager_NextPage"].Value);
        Assert.Equal("Sắp xếp", localizer["MudDataGrid_Sort"].Value);
        Assert.True(localizer["MudColorPicker_Open"].ResourceNotFound);
    }
}
