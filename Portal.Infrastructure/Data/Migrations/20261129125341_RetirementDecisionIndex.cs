using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetirementDecisionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_decisions_retirement",
                table: "decisions",
                columns: new[] { "StaffMemberId", "Kind" },
                filter: "\"Kind\" IN (10, 12)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_decisions_retirement",
                table: "decisions");
        }
    }
}
