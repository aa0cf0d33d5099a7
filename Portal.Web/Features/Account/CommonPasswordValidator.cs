using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Account;

/// <summary>
/// Refuses passwords found in breach lists of common passwords (NIST SP 800-63B §5.1.1.2), and ones that are the
/// account's own email or user name. The list ships with the app (common-passwords.txt): nothing is fetched at run time.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var normalised = password.Trim().ToLowerInvariant();
        var ownNames = new[] { user.Email, user.UserName, user.Email?.Split('@')[0] }
            .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!.ToLowerInvariant());
        return Task.FromResult(IsCommon(normalised) || ownNames.Contains(normalised)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Mật khẩu này quá phổ biến hoặc dễ đoán; hãy chọn một cụm từ dài hơn." })
            : IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.Web.Features.Account.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
