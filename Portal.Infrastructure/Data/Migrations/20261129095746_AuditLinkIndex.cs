using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditLinkIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_ChainId_Seq",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_ChainId_Seq",
                table: "audit_entries",
                columns: new[] { "ChainId", "Seq" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "PrevHash", "Hash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_ChainId_Seq",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_ChainId_Seq",
                table: "audit_entries",
                columns: new[] { "ChainId", "Seq" },
                unique: true);
        }
    }
}
