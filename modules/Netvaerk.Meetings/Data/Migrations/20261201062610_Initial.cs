using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Netvaerk.Meetings.Data.Migrations
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
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarKeys", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "MeetingActions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NetworkContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAttendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingCases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeyQuestion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    WantFromGroup = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MinutesNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Selected = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRoleAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRoleAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRsvps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Attending = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRsvps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NetworkContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeriesId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtocolContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DesiredEffect = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Practicalities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelledReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendanceRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoleSwapRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "MeetingRoleAssignments");

            migrationBuilder.DropTable(
                name: "MeetingRsvps");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "RoleSwapRequests");
        }
    }
}
