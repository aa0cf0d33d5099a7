using Portal.Domain.Staff;

namespace Portal.Tests.Domain;

/// <summary>
/// Draft → active → left (transferred out, resigned, retired, deceased). Records are kept forever once active
/// (Quy chế Art. 11.3; NĐ 27/2026 Art. 21): only a draft may be discarded.
/// </summary>
public sealed class StaffLifecycleTests
{
    private static StaffMember Draft() =>
        new(Guid.NewGuid(), Guid.NewGuid(), new StaffIdentity("Lê Thị Hoa", new(1990, 5, 17), Gender.Female, "079190123456", "Giáo viên tiểu học hạng III"),
            new Recruitment("125/QĐ-UBND", new(2026, 11, 2)));

    private static StaffMember Active()
    {
        var staff = Draft();
        staff.Activate(new(2026, 11, 5));
        return staff;
    }

    private static Affiliations Affiliations(DateOnly? partyJoined = null, DateOnly? partyOfficial = null, DateOnly? enlisted = null, DateOnly? discharged = null) =>
        new(partyJoined, partyOfficial, null, null, null, null, enlisted, discharged, null, null, null);

    [Fact]
    public void A_new_record_is_a_draft_that_can_be_discarded()
    {
        var staff = Draft();

        Assert.Equal((StaffStatus.Draft, (DateOnly?)null, true), (staff.Status, staff.StatusOn, staff.CanBeDiscarded));
    }

    [Fact]
    public void Activating_makes_the_record_active_from_its_date_and_no_longer_discardable()
    {
        var staff = Draft();

        staff.Activate(new(2026, 11, 5));

        Assert.Equal((StaffStatus.Active, new DateOnly(2026, 11, 5), false), (staff.Status, staff.StatusOn, staff.CanBeDiscarded));
    }

    [Fact]
    public void An_active_record_cannot_be_activated_again()
    {
        var staff = Active();

        Assert.Throws<InvalidOperationException>(() => staff.Activate(new(2026, 12, 1)));
        Assert.Equal(new DateOnly(2026, 11, 5), staff.StatusOn);
    }

    [Theory]
    [InlineData(StaffStatus.TransferredOut)]
    [InlineData(StaffStatus.Resigned)]
    [InlineData(StaffStatus.Retired)]
    [InlineData(StaffStatus.Deceased)]
    public void Leaving_records_how_when_and_by_which_decision_and_the_record_is_kept(StaffStatus how)
    {
        var staff = Active();
        var decision = Guid.NewGuid();

        staff.Leave(how, new(2050, 6, 1), decision);

        Assert.Equal((how, new DateOnly(2050, 6, 1), decision), (staff.Status, staff.StatusOn, staff.StatusDecisionId));
        Assert.False(staff.CanBeDiscarded);
    }

    [Fact]
    public void A_draft_cannot_leave()
    {
        var staff = Draft();

        Assert.Throws<InvalidOperationException>(() => staff.Leave(StaffStatus.Retired, new(2050, 6, 1), Guid.NewGuid()));
        Assert.Equal(StaffStatus.Draft, staff.Status);
    }

    [Theory]
    [InlineData(StaffStatus.Active)]
    [InlineData(StaffStatus.Draft)]
    [InlineData((StaffStatus)99)]
    public void Leaving_needs_a_way_of_leaving(StaffStatus status)
    {
        var staff = Active();

        Assert.Throws<ArgumentOutOfRangeException>(() => staff.Leave(status, new(2050, 6, 1), Guid.NewGuid()));
        Assert.Equal(StaffStatus.Active, staff.Status);
    }

    [Fact]
    public void A_record_that_has_left_can_neither_leave_again_nor_be_reactivated()
    {
        var staff = Active();
        staff.Leave(StaffStatus.Retired, new(2050, 6, 1), Guid.NewGuid());

        Assert.Throws<InvalidOperationException>(() => staff.Leave(StaffStatus.Deceased, new(2060, 1, 1), null));
        Assert.Throws<InvalidOperationException>(() => staff.Activate(new(2051, 1, 1)));
        Assert.Equal(StaffStatus.Retired, staff.Status);
    }

    public static TheoryData<string, DateOnly?, DateOnly?> InvalidPartyDates => new()
    {
        { "official 18/05/2014, the day before admission on 19/05/2014", new(2014, 5, 19), new(2014, 5, 18) },
        { "official without any admission date", null, new(2015, 5, 19) },
    };

    [Theory]
    [MemberData(nameof(InvalidPartyDates))]
    public void Official_Party_membership_cannot_precede_admission(string _, DateOnly? joined, DateOnly? official) =>
        Assert.Throws<ArgumentException>(() => Draft().Apply(Affiliations(partyJoined: joined, partyOfficial: official)));

    public static TheoryData<string, DateOnly?, DateOnly?> InvalidServiceDates => new()
    {
        { "discharged 31/08/2010, the day before enlisting on 01/09/2010", new(2010, 9, 1), new(2010, 8, 31) },
        { "discharged without any enlistment date", null, new(2012, 8, 31) },
    };

    [Theory]
    [MemberData(nameof(InvalidServiceDates))]
    public void Discharge_cannot_precede_enlistment(string _, DateOnly? enlisted, DateOnly? discharged) =>
        Assert.Throws<ArgumentException>(() => Draft().Apply(Affiliations(enlisted: enlisted, discharged: discharged)));

    [Fact]
    public void Dates_in_order_are_kept()
    {
        var staff = Draft();

        staff.Apply(Affiliations(new(2014, 5, 19), new(2015, 5, 19), new(2010, 9, 1), new(2012, 8, 31)));

        Assert.True(staff.IsPartyMember);
        Assert.Equal((new DateOnly(2015, 5, 19), new DateOnly(2012, 8, 31)), (staff.PartyOfficialOn, staff.DischargedOn));
    }
}
