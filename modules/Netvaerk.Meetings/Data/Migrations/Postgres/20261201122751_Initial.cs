using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Netvaerk.Meetings.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarKeys",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProtectedKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarKeys", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "MeetingActions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NetworkContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Done = table.Column<bool>(type: "boolean", nullable: false),
                    DoneUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAttendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingCases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KeyQuestion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    WantFromGroup = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MinutesNeeded = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Selected = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDecisions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingEvaluationComments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingEvaluationComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingEvaluationResponders",
                columns: table => new
                {
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingEvaluationResponders", x => new { x.MeetingId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "MeetingEvaluationTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Question = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingEvaluationTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingItemNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingItemNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingLearnings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ArticleContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingLearnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRoleAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRoleAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRsvps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Attending = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRsvps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRunItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PlannedMinutes = table.Column<int>(type: "integer", nullable: false),
                    ExtraMinutes = table.Column<int>(type: "integer", nullable: false),
                    Guidance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Speaks = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Produces = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRunItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NetworkContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeriesId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StartUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    ProtocolContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OnlineUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Theme = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DesiredEffect = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Practicalities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    CancelledReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AttendanceRecorded = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoleSwapRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ResolvedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleSwapRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarKeys_KeyHash",
                table: "CalendarKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingActions_MeetingId",
                table: "MeetingActions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingActions_NetworkContentItemId_Done",
                table: "MeetingActions",
                columns: new[] { "NetworkContentItemId", "Done" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendance_MeetingId_UserId",
                table: "MeetingAttendance",
                columns: new[] { "MeetingId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendance_UserId",
                table: "MeetingAttendance",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCases_MeetingId",
                table: "MeetingCases",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCases_UserId",
                table: "MeetingCases",
                column: "UserId");

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
                name: "IX_MeetingRoleAssignments_MeetingId_Role_UserId",
                table: "MeetingRoleAssignments",
                columns: new[] { "MeetingId", "Role", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRoleAssignments_UserId",
                table: "MeetingRoleAssignments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRsvps_MeetingId_UserId",
                table: "MeetingRsvps",
                columns: new[] { "MeetingId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRsvps_UserId",
                table: "MeetingRsvps",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRunItems_MeetingId_Position",
                table: "MeetingRunItems",
                columns: new[] { "MeetingId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_NetworkContentItemId_StartUtc",
                table: "Meetings",
                columns: new[] { "NetworkContentItemId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SeriesId",
                table: "Meetings",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_RoleSwapRequests_MeetingId",
                table: "RoleSwapRequests",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarKeys");

            migrationBuilder.DropTable(
                name: "MeetingActions");

            migrationBuilder.DropTable(
                name: "MeetingAttendance");

            migrationBuilder.DropTable(
                name: "MeetingCases");

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
                name: "MeetingRoleAssignments");

            migrationBuilder.DropTable(
                name: "MeetingRsvps");

            migrationBuilder.DropTable(
                name: "MeetingRunItems");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "RoleSwapRequests");
        }
    }
}
