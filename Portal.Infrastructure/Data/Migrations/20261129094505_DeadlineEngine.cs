using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_obligations_RuleId",
                table: "obligations");

            migrationBuilder.DropIndex(
                name: "IX_obligations_StaffMemberId_RuleId",
                table: "obligations");

            migrationBuilder.AddColumn<string[]>(
                name: "DeadlineRuleSets",
                table: "org_units",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AlterColumn<Guid>(
                name: "StaffMemberId",
                table: "obligations",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<int>(
                name: "Awaits",
                table: "obligations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CompletedBy",
                table: "obligations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecisionId",
                table: "obligations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedUpAt",
                table: "obligations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemindedDaysAhead",
                table: "obligations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Responsible",
                table: "obligations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "obligations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Trigger",
                table: "obligations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Awaits",
                table: "deadline_rules",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FixedDay",
                table: "deadline_rules",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FixedMonth",
                table: "deadline_rules",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Responsible",
                table: "deadline_rules",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RuleSet",
                table: "deadline_rules",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            // Rows from before the engine: the one seeded rule is the school regulation's 60 days, acted on by the records
            // officer and closed by a complete record; its obligations were opened by a recruitment, one per staff member.
            migrationBuilder.Sql("""
                UPDATE deadline_rules SET "Responsible" = 1, "Awaits" = 1,
                       "RuleSet" = CASE WHEN "Id" = '0193a000-0000-7000-8000-000000000001' THEN 'QC14-2021' ELSE "RuleSet" END;
                UPDATE obligations SET "SourceKey" = 'staff:' || "StaffMemberId", "Trigger" = 1, "Awaits" = 1, "Responsible" = 1;
                UPDATE org_units SET "DeadlineRuleSets" = ARRAY['ND27-2026', 'QC14-2021'];
                """);

            migrationBuilder.CreateTable(
                name: "calendar_adjustments",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_adjustments", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "mail_templates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Placeholders = table.Column<string[]>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_templates", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "public_holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Calendar = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    OffsetDays = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    CompensationSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LegalSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_holidays", x => x.Id);
                    table.CheckConstraint("ck_public_holidays_days", "\"Days\" >= 1");
                    table.CheckConstraint("ck_public_holidays_period", "\"InForceUntil\" IS NULL OR \"InForceUntil\" >= \"InForceFrom\"");
                });

            migrationBuilder.CreateIndex(
                name: "IX_obligations_DecisionId",
                table: "obligations",
                column: "DecisionId",
                filter: "\"DecisionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_obligations_open_DueOn",
                table: "obligations",
                column: "DueOn",
                filter: "\"CompletedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_obligations_RuleId_SourceKey",
                table: "obligations",
                columns: new[] { "RuleId", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_obligations_StaffMemberId",
                table: "obligations",
                column: "StaffMemberId");

            migrationBuilder.AddCheckConstraint(
                name: "ck_deadline_rules_awaits",
                table: "deadline_rules",
                sql: "\"Awaits\" BETWEEN 1 AND 5");

            migrationBuilder.AddCheckConstraint(
                name: "ck_deadline_rules_fixed_day",
                table: "deadline_rules",
                sql: "(\"FixedMonth\" IS NULL AND \"FixedDay\" IS NULL) OR (\"FixedMonth\" BETWEEN 1 AND 12 AND \"FixedDay\" BETWEEN 1 AND 31)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_deadline_rules_responsible",
                table: "deadline_rules",
                sql: "\"Responsible\" BETWEEN 1 AND 4");

            migrationBuilder.CreateIndex(
                name: "IX_public_holidays_Code",
                table: "public_holidays",
                column: "Code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_obligations_decisions_DecisionId",
                table: "obligations",
                column: "DecisionId",
                principalTable: "decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_obligations_decisions_DecisionId",
                table: "obligations");

            migrationBuilder.DropTable(
                name: "calendar_adjustments");

            migrationBuilder.DropTable(
                name: "mail_templates");

            migrationBuilder.DropTable(
                name: "public_holidays");

            migrationBuilder.DropIndex(
                name: "IX_obligations_DecisionId",
                table: "obligations");

            migrationBuilder.DropIndex(
                name: "IX_obligations_open_DueOn",
                table: "obligations");

            migrationBuilder.DropIndex(
                name: "IX_obligations_RuleId_SourceKey",
                table: "obligations");

            migrationBuilder.DropIndex(
                name: "IX_obligations_StaffMemberId",
                table: "obligations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_deadline_rules_awaits",
                table: "deadline_rules");

            migrationBuilder.DropCheckConstraint(
                name: "ck_deadline_rules_fixed_day",
                table: "deadline_rules");

            migrationBuilder.DropCheckConstraint(
                name: "ck_deadline_rules_responsible",
                table: "deadline_rules");

            migrationBuilder.DropColumn(
                name: "DeadlineRuleSets",
                table: "org_units");

            migrationBuilder.DropColumn(
                name: "Awaits",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "CompletedBy",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "DecisionId",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "EscalatedUpAt",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "RemindedDaysAhead",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "Responsible",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "Awaits",
                table: "deadline_rules");

            migrationBuilder.DropColumn(
                name: "FixedDay",
                table: "deadline_rules");

            migrationBuilder.DropColumn(
                name: "FixedMonth",
                table: "deadline_rules");

            migrationBuilder.DropColumn(
                name: "Responsible",
                table: "deadline_rules");

            migrationBuilder.DropColumn(
                name: "RuleSet",
                table: "deadline_rules");

            migrationBuilder.AlterColumn<Guid>(
                name: "StaffMemberId",
                table: "obligations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_obligations_RuleId",
                table: "obligations",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_obligations_StaffMemberId_RuleId",
                table: "obligations",
                columns: new[] { "StaffMemberId", "RuleId" },
                unique: true);
        }
    }
}
