using Portal.Domain.Staff;

namespace Portal.Tests.Domain;

public sealed class StaffMemberTests
{
    private static StaffIdentity Identity(string name, string citizenId) =>
        new(name, new DateOnly(1990, 5, 17), Gender.Female, citizenId, "Giáo viên tiểu học hạng III");

    private static readonly Recruitment Recruited = new("125/QĐ-UBND", new DateOnly(2026, 11, 2));

    [Theory]
    [InlineData("079190123456", true)]
    [InlineData("07919012345", false)]
    [InlineData("0791901234567", false)]
    [InlineData("07919012345a", false)]
    [InlineData("０７９１９０１２３４５６", false)]
    [InlineData("", false)]
    public void A_citizen_id_is_exactly_12_ascii_digits(string value, bool valid) =>
        Assert.Equal(valid, CitizenIdentityNumber.IsValid(value));

    [Fact]
    public void A_staff_member_cannot_be_made_without_a_name_or_with_a_malformed_citizen_id()
    {
        Assert.Throws<ArgumentException>(() => new StaffMember(Guid.NewGuid(), Guid.NewGuid(), Identity("  ", "079190123456"), Recruited));
        Assert.Throws<ArgumentException>(() => new StaffMember(Guid.NewGuid(), Guid.NewGuid(), Identity("Lê Thị Hoa", "0791"), Recruited));
    }

    [Fact]
    public void Names_and_numbers_are_stored_trimmed()
    {
        var staff = new StaffMember(Guid.NewGuid(), Guid.NewGuid(), Identity("  Lê Thị Hoa ", "079190123456"), new(" 12/QĐ ", new DateOnly(2026, 1, 5)));

        Assert.Equal(("Lê Thị Hoa", "12/QĐ"), (staff.FullName, staff.RecruitmentDecisionNumber));
    }
}
