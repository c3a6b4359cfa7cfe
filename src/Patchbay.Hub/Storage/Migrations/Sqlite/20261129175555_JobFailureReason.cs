using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patchbay.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobFailureReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureReason",
                table: "jobs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailureReason",
                table: "jobs");
        }
    }
}
