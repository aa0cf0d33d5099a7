using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SalaryEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "InsuredTeachingSince",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Teaches",
                table: "staff_members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "salary_records",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SchoolArea",
                table: "org_units",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SchoolClass",
                table: "org_units",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SchoolLevel",
                table: "org_units",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AnnulledOn",
                table: "discipline_records",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "absence_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_absence_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_absence_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_absence_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "early_raise_levels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    FormPrefix = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MonthsEarly = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_early_raise_levels", x => x.Id);
                    table.CheckConstraint("ck_early_raise_levels_months", "\"MonthsEarly\" BETWEEN 0 AND 36 AND \"Rank\" >= 1");
                    table.ForeignKey(
                        name: "FK_early_raise_levels_org_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_org_units_school_class",
                table: "org_units",
                sql: "\"SchoolClass\" IS NULL OR \"SchoolClass\" BETWEEN 1 AND 3");

            migrationBuilder.CreateIndex(
                name: "IX_absence_records_DecisionId",
                table: "absence_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_absence_records_LineageId",
                table: "absence_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_absence_records_StaffMemberId_ValidFrom",
                table: "absence_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_early_raise_levels_UnitId_FormPrefix",
                table: "early_raise_levels",
                columns: new[] { "UnitId", "FormPrefix" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "absence_records");

            migrationBuilder.DropTable(
                name: "early_raise_levels");

            migrationBuilder.DropCheckConstraint(
                name: "ck_org_units_school_class",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "InsuredTeachingSince",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Teaches",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "salary_records");

            migrationBuilder.DropColumn(
                name: "SchoolArea",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "SchoolClass",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "SchoolLevel",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "AnnulledOn",
                table: "discipline_records");
        }
    }
}
