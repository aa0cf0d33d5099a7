using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_UnitId_At",
                table: "audit_entries");

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectId",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "SubjectId",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UnitId_At",
                table: "audit_entries",
                columns: new[] { "UnitId", "At" });
        }
    }
}
