using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Netvaerk.Networks.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisibilityListingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ContentVisibilityIndex_Latest_ModifiedUtc",
                table: "ContentVisibilityIndex",
                columns: new[] { "Latest", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVisibilityIndex_Published_ModifiedUtc",
                table: "ContentVisibilityIndex",
                columns: new[] { "Published", "ModifiedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentVisibilityIndex_Latest_ModifiedUtc",
                table: "ContentVisibilityIndex");

            migrationBuilder.DropIndex(
                name: "IX_ContentVisibilityIndex_Published_ModifiedUtc",
                table: "ContentVisibilityIndex");
        }
    }
}
