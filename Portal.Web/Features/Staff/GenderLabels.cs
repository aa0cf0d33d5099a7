using Portal.Domain.Staff;
using Portal.Web.Resources;

namespace Portal.Web.Features.Staff;

public static class GenderLabels
{
    public static string Of(Gender gender) => gender == Gender.Female ? Strings.Female : Strings.Male;
}
