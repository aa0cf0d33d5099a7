using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalDataNoOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            // SalaryScaleStep.Version is PostgreSQL's system column xmin: Npgsql emits no DDL for it (the script has none).
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "salary_scale_steps",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddCheckConstraint(
                name: "ck_salary_scale_steps_coefficient",
                table: "salary_scale_steps",
                sql: "\"Coefficient\" > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_salary_scale_steps_period",
                table: "salary_scale_steps",
                sql: "\"InForceUntil\" IS NULL OR \"InForceUntil\" >= \"InForceFrom\"");

            // The rules read "the value in force on a date"; two rows of one code (or of one group's step) in force on the
            // same day would make that ambiguous. The admin screens check this first and say so on the field; these
            // constraints are the guarantee when two administrators save at once. Periods are closed ranges: [from, until],
            // open-ended when until is null. EF Core does not model exclusion constraints, so they live here only.
            migrationBuilder.Sql("""
                ALTER TABLE legal_parameters ADD CONSTRAINT ex_legal_parameters_no_overlap
                EXCLUDE USING gist ("Code" WITH =, daterange("InForceFrom", "InForceUntil", '[]') WITH &&);
                """);
            migrationBuilder.Sql("""
                ALTER TABLE salary_scale_steps ADD CONSTRAINT ex_salary_scale_steps_no_overlap
                EXCLUDE USING gist ("Group" WITH =, "Step" WITH =, daterange("InForceFrom", "InForceUntil", '[]') WITH &&);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE salary_scale_steps DROP CONSTRAINT IF EXISTS ex_salary_scale_steps_no_overlap;");
            migrationBuilder.Sql("ALTER TABLE legal_parameters DROP CONSTRAINT IF EXISTS ex_legal_parameters_no_overlap;");

            migrationBuilder.DropCheckConstraint(
                name: "ck_salary_scale_steps_coefficient",
                table: "salary_scale_steps");

            migrationBuilder.DropCheckConstraint(
                name: "ck_salary_scale_steps_period",
                table: "salary_scale_steps");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "salary_scale_steps");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
