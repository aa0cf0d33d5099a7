using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Staff.History;
using Portal.Web.Features.Records;
using Portal.Web.Features.Records.Fields;
using Portal.Web.Features.Records.Tabs;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Tests.Components;

public sealed class RecordComponentsTests : BunitContext
{
    private readonly List<EmploymentForm> _saved = [];

    public RecordComponentsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // RowDialog injects HistoryService, which needs a database; these tests never let a dialog reach a save,
        // so the service is built without its dependencies and any call to it fails loudly.
        Services.AddSingleton(new HistoryService(null!, null!, null!, null!));
        Render<MudPopoverProvider>();
    }

    private Func<EmploymentForm, Task<SaveResult>> Answer(SaveResult result) => m =>
    {
        _saved.Add(m);
        return Task.FromResult(result);
    };

    private IRenderedComponent<EmploymentSection> RenderSection(EmploymentForm model, Func<EmploymentForm, Task<SaveResult>> save, bool readOnly = false) =>
        Render<EmploymentSection>(p => p.Add(s => s.Model, model).Add(s => s.Save, save).Add(s => s.ReadOnly, readOnly));

    private static EmploymentForm Employment() => new()
    {
        StaffCode = "GV-001", FirstRecruitedOn = new DateTime(2015, 9, 1), JoinedCurrentUnitOn = new DateTime(2020, 8, 15),
    };

    [Fact]
    public async Task Submitting_a_section_hands_its_model_to_save_and_disables_the_button_until_it_answers()
    {
        var model = Employment();
        var answer = new TaskCompletionSource<SaveResult>();
        var section = RenderSection(model, m =>
        {
            _saved.Add(m);
            return answer.Task;
        });

        var submitting = section.Find("form").SubmitAsync();

        Assert.Same(model, Assert.Single(_saved));
        Assert.True(section.Find("#save-employment").HasAttribute("disabled"));

        await section.InvokeAsync(() => answer.SetResult(SaveResult.Saved(Guid.NewGuid())));
        await submitting;

        section.WaitForAssertion(() => Assert.False(section.Find("#save-employment").HasAttribute("disabled")));
    }

    [Fact]
    public void A_finding_of_the_server_on_a_field_is_shown_beside_that_field()
    {
        var section = RenderSection(Employment(), Answer(SaveResult.Field(nameof(EmploymentForm.FirstRecruitedOn), "Lỗi ngày")));

        section.Find("form").Submit();

        Assert.Contains("Lỗi ngày", section.Find("#first-recruited").Closest(".mud-input-control")!.TextContent);
        Assert.DoesNotContain("Lỗi ngày", section.Find("#joined-unit").Closest(".mud-input-control")!.TextContent);
        Assert.Empty(section.FindAll("#employment-error"));
    }

    [Fact]
    public void A_finding_of_the_server_on_the_whole_form_is_shown_under_the_form()
    {
        var section = RenderSection(Employment(), Answer(SaveResult.Failed("Hồ sơ đã được người khác sửa.")));

        section.Find("form").Submit();

        Assert.Equal("Hồ sơ đã được người khác sửa.", section.Find("#employment-error").TextContent.Trim());
    }

    [Fact]
    public void Typing_in_a_field_marks_the_section_unsaved_until_it_is_saved()
    {
        var model = Employment();
        var section = RenderSection(model, Answer(SaveResult.Saved(Guid.NewGuid())));
        Assert.DoesNotContain(Strings.UnsavedChanges, section.Markup);

        section.Find("#staff-code").Change("GV-002");

        Assert.Equal("GV-002", model.StaffCode);
        Assert.Contains("Có thay đổi chưa lưu", section.Markup);

        section.Find("form").Submit();

        Assert.Single(_saved);
        Assert.DoesNotContain(Strings.UnsavedChanges, section.Markup);
    }

    [Fact]
    public void A_read_only_section_offers_no_save_and_saves_nothing()
    {
        var section = RenderSection(Employment(), Answer(SaveResult.Saved(Guid.NewGuid())), readOnly: true);

        section.Find("form").Submit();

        Assert.Empty(section.FindAll("#save-employment"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void Joining_the_unit_before_first_recruitment_is_refused_in_Vietnamese_and_nothing_is_saved()
    {
        var model = Employment();
        model.JoinedCurrentUnitOn = model.FirstRecruitedOn!.Value.AddDays(-1);
        var section = RenderSection(model, Answer(SaveResult.Saved(Guid.NewGuid())));

        section.Find("form").Submit();

        Assert.Contains("Ngày vào cơ quan không được trước ngày tuyển dụng lần đầu.", section.Find("#joined-unit").Closest(".mud-input-control")!.TextContent);
        Assert.Empty(_saved);
    }

    private static List<ValidationResult> Validate(object model)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, true);
        return results;
    }

    private static SalaryRowForm Salary() => new()
    {
        TitleCode = "V.07.03.29", TitleName = "Giáo viên trung học cơ sở hạng II", SalaryGroup = "A1", Step = 3, Coefficient = 3.00m,
        PercentReceived = 100, SeniorityBeyondFramePercent = 5, TitleAppointedOn = new DateTime(2021, 3, 1), From = new DateTime(2024, 9, 1),
        DecisionId = Guid.NewGuid(),
    };

    [Fact]
    public void A_salary_row_without_a_from_date_asks_for_it()
    {
        var form = Salary();
        form.From = null;

        var result = Assert.Single(Validate(form));

        Assert.Equal("Vui lòng nhập ngày hưởng.", result.ErrorMessage);
        Assert.Equal([nameof(SalaryRowForm.From)], result.MemberNames);
    }

    [Fact]
    public void A_salary_row_ending_before_it_starts_is_refused_on_its_end_date()
    {
        var form = Salary();
        form.To = form.From!.Value.AddDays(-1);

        var result = Assert.Single(Validate(form));

        Assert.Equal(Strings.EndBeforeStart, result.ErrorMessage);
        Assert.Equal([nameof(SalaryRowForm.To)], result.MemberNames);
    }

    [Fact]
    public void A_salary_row_ending_the_day_it_starts_is_accepted()
    {
        var form = Salary();
        form.To = form.From;

        Assert.Empty(Validate(form));
    }

    [Fact]
    public void An_allowance_without_a_percentage_coefficient_or_amount_is_refused()
    {
        var form = new AllowanceRowForm { Kind = "Phụ cấp ưu đãi", From = new DateTime(2024, 9, 1) };

        var result = Assert.Single(Validate(form));

        Assert.Equal(Strings.AllowanceValueRequired, result.ErrorMessage);
    }

    [Fact]
    public void An_allowance_with_only_an_amount_is_accepted()
    {
        var form = new AllowanceRowForm { Kind = "Phụ cấp trách nhiệm", From = new DateTime(2024, 9, 1), AmountVnd = 500_000 };

        Assert.Empty(Validate(form));
    }

    [Fact]
    public void A_family_member_without_a_name_is_refused()
    {
        var form = new FamilyRowForm { Relation = "Mẹ", FullName = "" };

        var result = Assert.Single(Validate(form));

        Assert.Equal("Vui lòng nhập họ và tên.", result.ErrorMessage);
        Assert.Equal([nameof(FamilyRowForm.FullName)], result.MemberNames);
    }

    [Fact]
    public void A_decision_taking_effect_before_it_was_signed_is_refused()
    {
        var form = new DecisionForm
        {
            Number = "125/QĐ-UBND", Signer = "Nguyễn Văn A", IssuingBody = "UBND phường", SignedOn = new DateTime(2025, 9, 1), EffectiveOn = new DateTime(2025, 8, 31),
        };

        var result = Assert.Single(Validate(form));

        Assert.Equal(Strings.EffectiveBeforeSigned, result.ErrorMessage);
        Assert.Equal([nameof(DecisionForm.EffectiveOn)], result.MemberNames);
    }

    [Fact]
    public void A_valid_salary_form_becomes_a_salary_row_with_the_same_values()
    {
        var form = Salary();
        var stamp = new RowStamp(Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2025, 9, 2, 3, 0, 0, TimeSpan.Zero), "to.chuc");

        Assert.Empty(Validate(form));
        var row = form.ToRow(stamp);

        Assert.Equal(stamp.StaffMemberId, row.StaffMemberId);
        Assert.Equal(stamp.LineageId, row.LineageId);
        Assert.Equal(stamp.RecordedAt, row.RecordedAt);
        Assert.Equal(stamp.RecordedBy, row.RecordedBy);
        Assert.Equal(new DateOnly(2024, 9, 1), row.ValidFrom);
        Assert.Null(row.ValidTo);
        Assert.Equal(form.DecisionId, row.DecisionId);
        Assert.Equal(new SalaryDetails("V.07.03.29", "Giáo viên trung học cơ sở hạng II", "A1", 3, 3.00m, 100, 5, new DateOnly(2021, 3, 1)), row.Details);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Hộp thoại", parameters));
        return (provider, dialog);
    }

    [Fact]
    public async Task Confirming_without_a_reason_asks_for_one_and_keeps_the_dialog_open()
    {
        var (provider, dialog) = await ShowAsync(new DialogParameters<ReasonDialog> { { d => d.Message, "Rút dòng này?" } });
        Assert.DoesNotContain(Strings.ReasonRequired, provider.Markup);

        provider.Find("#reason-confirm").Click();

        Assert.Contains("Vui lòng nhập lý do.", provider.Markup);
        Assert.False(dialog.Result.IsCompleted);
        Assert.NotEmpty(provider.FindAll("#reason"));
    }

    [Fact]
    public async Task A_reason_of_only_spaces_is_no_reason()
    {
        var (provider, dialog) = await ShowAsync(new DialogParameters<ReasonDialog> { { d => d.Message, "Rút dòng này?" } });

        provider.Find("#reason").Input("   ");
        provider.Find("#reason-confirm").Click();

        Assert.Contains(Strings.ReasonRequired, provider.Markup);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Confirming_with_a_reason_closes_the_dialog_with_the_trimmed_reason()
    {
        var (provider, dialog) = await ShowAsync(new DialogParameters<ReasonDialog> { { d => d.Message, "Rút dòng này?" } });

        provider.Find("#reason").Input("  Nhập nhầm người.  ");
        provider.Find("#reason-confirm").Click();

        var result = await dialog.Result;
        Assert.NotNull(result);
        Assert.False(result.Canceled);
        Assert.Equal("Nhập nhầm người.", result.Data);
    }

    private static AttachmentRow Scan(int version, string name) =>
        new(Guid.NewGuid(), version, name, "application/pdf", 2048, new string('a', 64), DateTimeOffset.UnixEpoch, "to.chuc");

    [Fact]
    public void Attachments_are_listed_newest_version_first_each_linking_to_its_file()
    {
        var first = Scan(1, "qd-125-v1.pdf");
        var second = Scan(2, "qd-125-v2.pdf");

        var list = Render<AttachmentList>(p => p.Add(a => a.Files, [first, second]));

        var links = list.FindAll("a.attachment-link");
        Assert.Equal(["qd-125-v2.pdf", "qd-125-v1.pdf"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal([$"attachments/{second.Id}", $"attachments/{first.Id}"], links.Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void No_attachments_say_there_is_no_scan()
    {
        var list = Render<AttachmentList>(p => p.Add(a => a.Files, []));

        Assert.Equal("Chưa có bản quét", list.Find(".mud-typography").TextContent.Trim());
        Assert.Empty(list.FindAll("a"));
    }

    private static FamilyMember Mother() => new(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, "to.chuc",
        new FamilyDetails(FamilySide.Own, "Mẹ", "Trần Thị B", 1960, "Nội trợ"));

    private Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowFamilyRowAsync(
        FamilyRowForm form, FamilyMember? existing, IReadOnlyList<DecisionChoice> decisions) =>
        ShowAsync(new DialogParameters<RowDialog<FamilyMember>>
        {
            { d => d.Model, form },
            { d => d.StaffId, Guid.NewGuid() },
            { d => d.Title, "Quan hệ gia đình" },
            { d => d.Fields, typeof(FamilyFields) },
            { d => d.Existing, existing },
            { d => d.Decisions, decisions },
        });

    [Fact]
    public async Task A_new_family_row_shows_the_family_fields_and_the_decision_picker_but_asks_no_reason()
    {
        var (provider, _) = await ShowFamilyRowAsync(new FamilyRowForm(), null, []);

        Assert.NotEmpty(provider.FindAll("#row-relation"));
        Assert.NotEmpty(provider.FindAll("#row-name"));
        Assert.NotEmpty(provider.FindAll("#row-decision"));
        Assert.Contains(Strings.NoDecisionsYet, provider.Markup);
        Assert.Empty(provider.FindAll("#row-reason"));
    }

    [Fact]
    public async Task Correcting_a_family_row_asks_for_the_reason()
    {
        var mother = Mother();
        var (provider, _) = await ShowFamilyRowAsync(FamilyRowForm.Of(mother), mother, [new DecisionChoice(Guid.NewGuid(), "125/QĐ-UBND")]);

        Assert.NotEmpty(provider.FindAll("#row-reason"));
        Assert.Equal("Trần Thị B", provider.Find("#row-name").GetAttribute("value"));
        Assert.DoesNotContain(Strings.NoDecisionsYet, provider.Markup);
    }

    [Fact]
    public async Task An_empty_family_row_is_refused_in_Vietnamese_and_the_dialog_stays_open()
    {
        var (provider, dialog) = await ShowFamilyRowAsync(new FamilyRowForm(), null, []);

        provider.Find("#row-form").Submit();

        Assert.Contains("Vui lòng nhập quan hệ.", provider.Markup);
        Assert.Contains("Vui lòng nhập họ và tên.", provider.Markup);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_correction_without_a_reason_is_refused_before_anything_is_saved()
    {
        var mother = Mother();
        var (provider, dialog) = await ShowFamilyRowAsync(FamilyRowForm.Of(mother), mother, []);
        Assert.DoesNotContain(Strings.ReasonRequired, provider.Markup);

        provider.Find("#row-form").Submit();
        provider.Find("#row-form").Submit();

        Assert.Equal(Strings.ReasonRequired, provider.Find("#row-reason").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")!.TextContent.Trim());
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Typing_a_reason_clears_the_request_for_one()
    {
        var mother = Mother();
        var (provider, _) = await ShowFamilyRowAsync(FamilyRowForm.Of(mother), mother, []);
        provider.Find("#row-form").Submit();
        Assert.Contains(Strings.ReasonRequired, provider.Markup);

        provider.Find("#row-reason").Change("Sai năm sinh.");

        Assert.DoesNotContain(Strings.ReasonRequired, provider.Markup);
    }

    /// <summary>A section as the record's tabs write one: fields bound to the model, so the host re-renders on every change.</summary>
    private sealed class EmploymentSection : ComponentBase
    {
        [Parameter] public EmploymentForm Model { get; set; } = default!;
        [Parameter] public Func<EmploymentForm, Task<SaveResult>> Save { get; set; } = default!;
        [Parameter] public bool ReadOnly { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<SectionEditor<EmploymentForm>>(0);
            builder.AddComponentParameter(1, nameof(SectionEditor<EmploymentForm>.Model), Model);
            builder.AddComponentParameter(2, nameof(SectionEditor<EmploymentForm>.Id), "employment");
            builder.AddComponentParameter(3, nameof(SectionEditor<EmploymentForm>.Save), Save);
            builder.AddComponentParameter(4, nameof(SectionEditor<EmploymentForm>.ReadOnly), ReadOnly);
            builder.AddComponentParameter(5, nameof(SectionEditor<EmploymentForm>.ChildContent), (RenderFragment)Fields);
            builder.CloseComponent();
        }

        private void Fields(RenderTreeBuilder b)
        {
            b.OpenComponent<MudTextField<string?>>(0);
            b.AddComponentParameter(1, nameof(MudTextField<string?>.Value), Model.StaffCode);
            b.AddComponentParameter(2, nameof(MudTextField<string?>.ValueChanged), EventCallback.Factory.Create<string?>(this, v => Model.StaffCode = v));
            b.AddComponentParameter(3, nameof(MudTextField<string?>.For), (Expression<Func<string?>>)(() => Model.StaffCode));
            b.AddAttribute(4, "id", "staff-code");
            b.CloseComponent();
            b.OpenRegion(5);
            DatePicker(b, "first-recruited", () => Model.FirstRecruitedOn, v => Model.FirstRecruitedOn = v);
            b.CloseRegion();
            b.OpenRegion(6);
            DatePicker(b, "joined-unit", () => Model.JoinedCurrentUnitOn, v => Model.JoinedCurrentUnitOn = v);
            b.CloseRegion();
        }

        private void DatePicker(RenderTreeBuilder b, string id, Expression<Func<DateTime?>> field, Action<DateTime?> set)
        {
            b.OpenComponent<MudDatePicker>(0);
            b.AddComponentParameter(1, nameof(MudDatePicker.Date), field.Compile()());
            b.AddComponentParameter(2, nameof(MudDatePicker.DateChanged), EventCallback.Factory.Create(this, set));
            b.AddComponentParameter(3, nameof(MudDatePicker.For), field);
            b.AddComponentParameter(4, nameof(MudDatePicker.DateFormat), "dd/MM/yyyy");
            b.AddComponentParameter(5, nameof(MudDatePicker.Editable), true);
            b.AddAttribute(6, "id", id);
            b.CloseComponent();
        }
    }
}
