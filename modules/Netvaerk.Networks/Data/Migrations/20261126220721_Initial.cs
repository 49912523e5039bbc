using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Netvaerk.Networks.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentVisibilityIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NetworkContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentVisibilityIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NetworkContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMembers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVisibilityIndex_ContentItemId",
                table: "ContentVisibilityIndex",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentVisibilityIndex_ContentType_Latest_Published",
                table: "ContentVisibilityIndex",
                columns: new[] { "ContentType", "Latest", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVisibilityIndex_Published_Visibility_NetworkContentItemId",
                table: "ContentVisibilityIndex",
                columns: new[] { "Published", "Visibility", "NetworkContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_NetworkContentItemId_UserId",
                table: "NetworkMembers",
                columns: new[] { "NetworkContentItemId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_UserId",
                table: "NetworkMembers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentVisibilityIndex");

            migrationBuilder.DropTable(
                name: "NetworkMembers");
        }
    }
}
