using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Netvaerk.Networks.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NetworkContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Owner = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentVisibilityIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NetworkContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
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
                name: "IX_ContentVisibilityIndex_Latest_ModifiedUtc",
                table: "ContentVisibilityIndex",
                columns: new[] { "Latest", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVisibilityIndex_Published_ModifiedUtc",
                table: "ContentVisibilityIndex",
                columns: new[] { "Published", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVisibilityIndex_Published_Visibility_NetworkContentI~",
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
