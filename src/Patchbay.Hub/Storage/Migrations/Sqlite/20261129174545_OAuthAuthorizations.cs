using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Patchbay.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OAuthAuthorizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oauth_authorizations",
                columns: table => new
                {
                    StateHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConnectorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Major = table.Column<int>(type: "INTEGER", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Connection = table.Column<string>(type: "TEXT", nullable: false),
                    RedirectUri = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedCodeVerifier = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oauth_authorizations", x => x.StateHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oauth_authorizations_ExpiresAt",
                table: "oauth_authorizations",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oauth_authorizations");
        }
    }
}
