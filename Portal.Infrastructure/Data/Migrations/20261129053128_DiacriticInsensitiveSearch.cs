using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DiacriticInsensitiveSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");

            // unaccent() is only STABLE (its dictionary could change), so it cannot be indexed directly; with the
            // dictionary named explicitly the wrapper is IMMUTABLE, and a trigram index on it serves
            // "nguyen thi thu" → "Nguyễn Thị Ngọc Thu" at 100,000 records.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION portal_fold(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
                """);
            migrationBuilder.Sql("""CREATE INDEX ix_staff_members_full_name_folded ON staff_members USING gin (portal_fold("FullName") gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX ix_staff_members_citizen_id_prefix ON staff_members ("CitizenId" bpchar_pattern_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_staff_members_citizen_id_prefix;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_staff_members_full_name_folded;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS portal_fold(text);");
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
