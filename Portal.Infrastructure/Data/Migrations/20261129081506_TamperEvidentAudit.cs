using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TamperEvidentAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UnitId_At",
                table: "audit_entries");

            migrationBuilder.AddColumn<Guid>(
                name: "ChainId",
                table: "audit_entries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<byte[]>(
                name: "Hash",
                table: "audit_entries",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "PrevHash",
                table: "audit_entries",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectId",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "audit_entries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserRole",
                table: "audit_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_anchors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_anchors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_chain_heads",
                columns: table => new
                {
                    ChainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_chain_heads", x => x.ChainId);
                });

            migrationBuilder.CreateTable(
                name: "audit_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FlagCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_reviews", x => x.Id);
                });

            // Rows written before the chain existed keep a negative sequence (−Id): they are counted as "before chaining"
            // by the verifier. From here on, a row must be chained; the check pins the boundary, so a later raw INSERT
            // cannot pass itself off as an old row.
            migrationBuilder.Sql("""
                UPDATE audit_entries SET "ChainId" = coalesce("UnitId", '00000000-0000-0000-0000-000000000000'), "Seq" = -"Id";
                DO $$
                DECLARE boundary bigint;
                BEGIN
                    SELECT coalesce(max("Id"), 0) INTO boundary FROM audit_entries;
                    EXECUTE format('ALTER TABLE audit_entries ADD CONSTRAINT ck_audit_entries_chained CHECK (("Seq" > 0 AND "Hash" IS NOT NULL AND "PrevHash" IS NOT NULL) OR "Id" <= %s)', boundary);
                END $$;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_ChainId_Seq",
                table: "audit_entries",
                columns: new[] { "ChainId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_SubjectId_At_Id",
                table: "audit_entries",
                columns: new[] { "SubjectId", "At", "Id" },
                descending: new[] { false, true, true },
                filter: "\"SubjectId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UnitId_At_Id",
                table: "audit_entries",
                columns: new[] { "UnitId", "At", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UserId_At_Id",
                table: "audit_entries",
                columns: new[] { "UserId", "At", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_audit_anchors_Day_ChainId",
                table: "audit_anchors",
                columns: new[] { "Day", "ChainId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_reviews_UnitId_Until",
                table: "audit_reviews",
                columns: new[] { "UnitId", "Until" });

            // Append-only in the database itself (docs/decisions/0007): UPDATE, DELETE and TRUNCATE are refused for every
            // role, the application's and a superuser's included, except a session that has SET ROLE portal_maintenance
            // (or logs in as a direct member of it). Superusers count as members of every role in pg_has_role, so the
            // check reads pg_auth_members for a real membership instead.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_maintenance') THEN
                        CREATE ROLE portal_maintenance NOLOGIN;
                    END IF;
                EXCEPTION WHEN insufficient_privilege THEN
                    RAISE NOTICE 'Role portal_maintenance not created (no CREATEROLE): create it as in deploy/database-roles.sql';
                END $$;

                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_maintenance') THEN
                        GRANT SELECT, UPDATE, DELETE, TRUNCATE ON audit_entries TO portal_maintenance;
                    END IF;
                END $$;

                CREATE FUNCTION portal_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
                BEGIN
                    IF current_user = 'portal_maintenance' OR EXISTS (
                        SELECT 1 FROM pg_auth_members m
                        JOIN pg_roles r ON r.oid = m.roleid AND r.rolname = 'portal_maintenance'
                        JOIN pg_roles u ON u.oid = m.member AND u.rolname = current_user) THEN
                        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD WHEN 'UPDATE' THEN NEW ELSE NULL END;
                    END IF;
                    RAISE EXCEPTION 'audit_entries is append-only: % refused for role %', TG_OP, current_user
                        USING ERRCODE = 'insufficient_privilege';
                END $fn$;

                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION portal_audit_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION portal_audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_entries_no_truncate ON audit_entries;
                DROP TRIGGER audit_entries_append_only ON audit_entries;
                DROP FUNCTION portal_audit_append_only();
                ALTER TABLE audit_entries DROP CONSTRAINT ck_audit_entries_chained;
                """);
            migrationBuilder.DropTable(
                name: "audit_anchors");

            migrationBuilder.DropTable(
                name: "audit_chain_heads");

            migrationBuilder.DropTable(
                name: "audit_reviews");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_ChainId_Seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_SubjectId_At_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UnitId_At_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UserId_At_Id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "ChainId",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "PrevHash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "UserRole",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UnitId_At",
                table: "audit_entries",
                columns: new[] { "UnitId", "At" });
        }
    }
}
