using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>File downloads: the Form 2C DOCX, scans, and the staff list as XLSX. The services check role and scope and audit.</summary>
internal static class RecordEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("").RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            // Outside a Blazor circuit the authentication state provider knows nothing yet: hand it the request's user,
            // so CurrentUser (and so every service check) sees the same person.
            var http = context.HttpContext;
            if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
            try
            {
                return await next(context);
            }
            catch (ForbiddenException)
            {
                return TypedResults.Forbid();
            }
            catch (Portal.Domain.Salary.MissingLegalParameterException e)
            {
                return TypedResults.Problem(string.Format(Portal.Web.Resources.Strings.SalaryParameterMissing, e.Code, e.On.ToString("dd/MM/yyyy")), statusCode: 409);
            }
        });

        files.MapGet("/staff/{id:guid}/form-2c.docx", async (Guid id, Form2CService form2C, CancellationToken ct) =>
            await form2C.DocxAsync(id, ct) is { } file ? Results.File(file.Bytes, Docx, file.FileName) : Results.NotFound());

        files.MapGet("/attachments/{id:guid}", async (Guid id, [FromQuery] bool? inline, DecisionService decisions, CancellationToken ct) =>
            await decisions.DownloadAsync(id, ct) is { } file
                ? Results.File(file.Bytes, file.ContentType, inline == true ? null : file.FileName)
                : Results.NotFound());

        files.MapGet("/audit/export.xlsx", async (HttpContext http, Portal.Web.Features.Audit.AuditService audit, SchoolClock clock, CancellationToken ct) =>
        {
            var filter = Portal.Web.Features.Audit.AuditFilter.Parse(key => http.Request.Query[key].FirstOrDefault(), clock.Zone);
            return Results.File(await audit.XlsxAsync(filter, ct: ct), Xlsx, $"Nhat_ky_{clock.Today:yyyyMMdd}.xlsx");
        });

        files.MapGet("/staff/{id:guid}/salary-history.{format:regex(^(docx|xlsx)$)}", async (Guid id, string format, Portal.Web.Features.Salary.SalaryExport export, CancellationToken ct) =>
            await export.HistoryAsync(id, format == "docx", ct) is { } file ? Results.File(file.Bytes, file.ContentType, file.FileName) : Results.NotFound());

        files.MapGet("/salary/eligibility.{format:regex(^(docx|xlsx)$)}", async (HttpContext http, string format, Portal.Web.Features.Salary.SalaryExport export,
            SchoolClock clock, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            var period = Portal.Web.Features.Salary.SalaryPeriod.Parse(q["period"], Portal.Web.Features.Salary.SalaryPeriod.Month(clock.Today.Year, clock.Today.Month));
            var query = new Portal.Web.Features.Salary.EligibilityQuery(period.From, period.To,
                Portal.Web.Features.Salary.EligibilityFilters.ParseKinds(q["kinds"]), q["q"], q["review"] == "1",
                Guid.TryParse(q["unit"], out var unit) ? unit : null);
            var file = await export.ProposalAsync(period, query, format == "docx", ct);
            return Results.File(file.Bytes, file.ContentType, file.FileName);
        });

        files.MapGet("/staff/export.xlsx", async (HttpContext http, StaffExport export, SchoolClock clock, CancellationToken ct) =>
        {
            var bytes = await export.XlsxAsync(StaffListQuery.Parse(http.Request.Query), ct);
            return Results.File(bytes, Xlsx, $"Danh_sach_vien_chuc_{clock.Today:yyyyMMdd}.xlsx");
        });
    }
}
