using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patchbay.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "drafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "drafts");
        }
    }
}
