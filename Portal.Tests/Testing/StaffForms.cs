using Portal.Domain.Staff;
using Portal.Web.Features.Staff;

namespace Portal.Tests.Testing;

/// <summary>Valid staff forms with unique citizen ids, so tests never collide on the unique index.</summary>
public static class StaffForms
{
    private static long _next = Random.Shared.NextInt64(100_000_000, 900_000_000);

    public static string UniqueCitizenId() => $"079{Interlocked.Increment(ref _next):000000000}";

    public static StaffFormModel Valid(string fullName = "Nguyễn Thị Ngọc Lan", DateOnly? decisionDate = null) => new()
    {
        FullName = fullName,
        DateOfBirth = new DateTime(1990, 5, 17),
        Gender = Gender.Female,
        CitizenId = UniqueCitizenId(),
        ProfessionalTitle = "Giáo viên tiểu học hạng III",
        RecruitmentDecisionNumber = "125/QĐ-UBND",
        RecruitmentDecisionDate = (decisionDate ?? new DateOnly(2026, 11, 2)).ToDateTime(TimeOnly.MinValue),
    };
}
