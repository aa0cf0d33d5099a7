using System.ComponentModel.DataAnnotations;
using Portal.Domain.Mail;
using Portal.Web.Resources;

namespace Portal.Web.Features.DeadlineSettings;

/// <summary>The editor's copy of a mail template (mẫu thư): the wording changes, the placeholders the mail offers do not.</summary>
public sealed class MailTemplateForm : IValidatableObject
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public uint Version { get; set; }
    public IReadOnlyList<string> Placeholders { get; set; } = [];

    // The length is the column's (mail_templates.subject varchar(300)); the body is text.
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.MailSubjectRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Subject { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.MailBodyRequired))]
    public string Body { get; set; } = "";

    /// <summary>A placeholder the mail does not offer would reach a principal as raw braces: refused beside its field.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Unknown(Subject) is { Count: > 0 } inSubject)
            yield return new ValidationResult(DeadlineSettingsService.UnknownMessage(inSubject), [nameof(Subject)]);
        if (Unknown(Body) is { Count: > 0 } inBody)
            yield return new ValidationResult(DeadlineSettingsService.UnknownMessage(inBody), [nameof(Body)]);
    }

    public List<string> Unknown(string? text) => [.. MailTemplate.UnknownPlaceholders(text ?? "", Placeholders)];

    public static MailTemplateForm Of(TemplateRow row) => new()
    {
        Key = row.Key, Name = row.Name, Version = row.Version, Placeholders = row.Placeholders, Subject = row.Subject, Body = row.Body,
    };
}
