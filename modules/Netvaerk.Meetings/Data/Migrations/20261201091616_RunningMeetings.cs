using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Netvaerk.Meetings.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunningMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingDecisions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDecisions", x => x.Id);
                });

            // Who answered and the comments are kept WITHOUT ROWID: rows lie in key order (user id; a random id), not in
            // the order they were written, so the two tables cannot be lined up to tell who wrote what.
            migrationBuilder.Sql(
                """
                CREATE TABLE "MeetingEvaluationComments" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingEvaluationComments" PRIMARY KEY,
                    "MeetingId" TEXT NOT NULL,
                    "Text" TEXT NOT NULL
                ) WITHOUT ROWID;
                """);

            migrationBuilder.Sql(
                """
                CREATE TABLE "MeetingEvaluationResponders" (
                    "MeetingId" TEXT NOT NULL,
                    "UserId" TEXT NOT NULL,
                    CONSTRAINT "PK_MeetingEvaluationResponders" PRIMARY KEY ("MeetingId", "UserId")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "MeetingEvaluationTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingEvaluationTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingItemNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingItemNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingLearnings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArticleContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingLearnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRunItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PlannedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtraMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Speaks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Produces = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRunItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_MeetingId",
                table: "MeetingDecisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingEvaluationComments_MeetingId",
                table: "MeetingEvaluationComments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingEvaluationResponders_UserId",
                table: "MeetingEvaluationResponders",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingEvaluationTallies_MeetingId_Question_Score",
                table: "MeetingEvaluationTallies",
                columns: new[] { "MeetingId", "Question", "Score" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingItemNotes_MeetingId_Position",
                table: "MeetingItemNotes",
                columns: new[] { "MeetingId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingLearnings_ArticleContentItemId",
                table: "MeetingLearnings",
                column: "ArticleContentItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingLearnings_MeetingId",
                table: "MeetingLearnings",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRunItems_MeetingId_Position",
                table: "MeetingRunItems",
                columns: new[] { "MeetingId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingDecisions");

            migrationBuilder.DropTable(
                name: "MeetingEvaluationComments");

            migrationBuilder.DropTable(
                name: "MeetingEvaluationResponders");

            migrationBuilder.DropTable(
                name: "MeetingEvaluationTallies");

            migrationBuilder.DropTable(
                name: "MeetingItemNotes");

            migrationBuilder.DropTable(
                name: "MeetingLearnings");

            migrationBuilder.DropTable(
                name: "MeetingRunItems");
        }
    }
}
