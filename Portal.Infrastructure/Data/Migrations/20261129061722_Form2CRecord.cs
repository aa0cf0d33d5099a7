using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Form2CRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcademicTitle",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressDetail",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressLegacy",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressProvince",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressWard",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BirthPlaceLegacy",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BirthPlaceProvince",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BirthPlaceWard",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CitizenIdIssuedOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompletenessPercent",
                table: "staff_members",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Detention",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DischargedOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "staff_members",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EnlistedOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EthnicityCode",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FamilyBackground",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstRecruitedOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForeignLanguages",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForeignRelations",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FormerRegimeWork",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GeneralEducation",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HealthInsuranceNumber",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HighestMilitaryRank",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HighestQualificationCode",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeTownLegacy",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeTownProvince",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HomeTownWard",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HonoraryTitles",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InformationTechnology",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JoinedCurrentUnitOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LongestJob",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MainDuties",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OccupationBeforeRecruitment",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherNames",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyConcurrentPosition",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PartyJoinedOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PartyOfficialOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartyPosition",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlannedFor",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PolicyBeneficiary",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoliticalTheoryCode",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecruitingBody",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReligionCode",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SocialInsuranceNumber",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SocioPoliticalJoinedOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SocioPoliticalOrganisation",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffCode",
                table: "staff_members",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StateManagementCode",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "staff_members",
                type: "integer",
                nullable: false,
                // Records kept before the lifecycle existed were in use: they are active (StaffStatus.Active = 2).
                defaultValue: 2);

            migrationBuilder.AddColumn<Guid>(
                name: "StatusDecisionId",
                table: "staff_members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusOn",
                table: "staff_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Strengths",
                table: "staff_members",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleCode",
                table: "staff_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: true),
                    Signer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                    table.CheckConstraint("ck_decisions_effective", "\"EffectiveOn\" >= \"SignedOn\"");
                    table.ForeignKey(
                        name: "FK_decisions_org_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decisions_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_item_types",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    RequiredAtRecruitment = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    LegalSource = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_item_types", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "legal_parameters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<decimal>(type: "numeric", nullable: false),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalSource = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_parameters", x => x.Id);
                    table.CheckConstraint("ck_legal_parameters_period", "\"InForceUntil\" IS NULL OR \"InForceUntil\" >= \"InForceFrom\"");
                });

            migrationBuilder.CreateTable(
                name: "reference_items",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_items", x => new { x.Kind, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "salary_scale_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Group = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Coefficient = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    RaiseIntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalSource = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_salary_scale_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_restricted",
                columns: table => new
                {
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    HealthStatus = table.Column<string>(type: "text", nullable: true),
                    HeightCm = table.Column<int>(type: "integer", nullable: true),
                    WeightKg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    BloodType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IncomeSources = table.Column<string>(type: "text", nullable: true),
                    Housing = table.Column<string>(type: "text", nullable: true),
                    Land = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_restricted", x => x.StaffMemberId);
                    table.ForeignKey(
                        name: "FK_staff_restricted_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "title_definitions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SalaryGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplacedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LegalSource = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_title_definitions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "allowance_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Coefficient = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    AmountVnd = table.Column<long>(type: "bigint", nullable: true),
                    Form = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_allowance_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_allowance_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_allowance_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    DossierItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.Id);
                    table.CheckConstraint("ck_attachments_owner", "\"DecisionId\" IS NOT NULL OR \"DossierItemCode\" IS NOT NULL");
                    table.ForeignKey(
                        name: "FK_attachments_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_attachments_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "award_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Form = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    DecidingBody = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_award_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_award_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_award_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discipline_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Form = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<bool>(type: "boolean", nullable: false),
                    Violation = table.Column<string>(type: "text", nullable: true),
                    DecidingBody = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_discipline_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_discipline_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_discipline_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    Relation = table.Column<string>(type: "text", nullable: false),
                    FullName = table.Column<string>(type: "text", nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_members_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_family_members_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "position_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Position = table.Column<string>(type: "text", nullable: false),
                    Organisation = table.Column<string>(type: "text", nullable: true),
                    Concurrent = table.Column<bool>(type: "boolean", nullable: false),
                    AllowanceCoefficient = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_position_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_position_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_position_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rating_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ProfessionalRating = table.Column<string>(type: "text", nullable: true),
                    EmulationRating = table.Column<string>(type: "text", nullable: true),
                    AwardForm = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rating_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rating_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rating_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "salary_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    TitleCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TitleName = table.Column<string>(type: "text", nullable: false),
                    SalaryGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Coefficient = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    PercentReceived = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    SeniorityBeyondFramePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    TitleAppointedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_salary_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_salary_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_salary_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Institution = table.Column<string>(type: "text", nullable: false),
                    Major = table.Column<string>(type: "text", nullable: true),
                    Mode = table.Column<string>(type: "text", nullable: true),
                    Qualification = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "text", nullable: true),
                    Score = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_training_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_history_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupersededReason = table.Column<string>(type: "text", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    Organisation = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_history_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_history_records_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_history_records_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnFile = table.Column<bool>(type: "boolean", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_items_dossier_item_types_TypeCode",
                        column: x => x.TypeCode,
                        principalTable: "dossier_item_types",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_dossier_items_staff_members_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attachment_contents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachment_contents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_attachment_contents_attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_members_StaffCode",
                table: "staff_members",
                column: "StaffCode");

            migrationBuilder.CreateIndex(
                name: "IX_staff_members_Status_UnitId",
                table: "staff_members",
                columns: new[] { "Status", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_members_TitleCode",
                table: "staff_members",
                column: "TitleCode");

            migrationBuilder.CreateIndex(
                name: "IX_allowance_records_DecisionId",
                table: "allowance_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_allowance_records_LineageId",
                table: "allowance_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_allowance_records_StaffMemberId_ValidFrom",
                table: "allowance_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_attachments_DecisionId",
                table: "attachments",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_attachments_SeriesId_VersionNumber",
                table: "attachments",
                columns: new[] { "SeriesId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_attachments_StaffMemberId",
                table: "attachments",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_award_records_DecisionId",
                table: "award_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_award_records_LineageId",
                table: "award_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_award_records_StaffMemberId_ValidFrom",
                table: "award_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_StaffMemberId",
                table: "decisions",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_UnitId_SignedOn",
                table: "decisions",
                columns: new[] { "UnitId", "SignedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_discipline_records_DecisionId",
                table: "discipline_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_discipline_records_LineageId",
                table: "discipline_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_discipline_records_StaffMemberId_ValidFrom",
                table: "discipline_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_items_StaffMemberId_TypeCode",
                table: "dossier_items",
                columns: new[] { "StaffMemberId", "TypeCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossier_items_TypeCode",
                table: "dossier_items",
                column: "TypeCode");

            migrationBuilder.CreateIndex(
                name: "IX_family_members_DecisionId",
                table: "family_members",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_family_members_LineageId",
                table: "family_members",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_family_members_StaffMemberId_ValidFrom",
                table: "family_members",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_legal_parameters_Code_InForceFrom",
                table: "legal_parameters",
                columns: new[] { "Code", "InForceFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_position_records_DecisionId",
                table: "position_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_position_records_LineageId",
                table: "position_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_position_records_StaffMemberId_ValidFrom",
                table: "position_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_rating_records_DecisionId",
                table: "rating_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_rating_records_LineageId",
                table: "rating_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_rating_records_StaffMemberId_ValidFrom",
                table: "rating_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_salary_records_DecisionId",
                table: "salary_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_salary_records_LineageId",
                table: "salary_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_salary_records_StaffMemberId_ValidFrom",
                table: "salary_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_salary_scale_steps_Group_Step_InForceFrom",
                table: "salary_scale_steps",
                columns: new[] { "Group", "Step", "InForceFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_records_DecisionId",
                table: "training_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_training_records_LineageId",
                table: "training_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_training_records_StaffMemberId_ValidFrom",
                table: "training_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_work_history_records_DecisionId",
                table: "work_history_records",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_work_history_records_LineageId",
                table: "work_history_records",
                column: "LineageId");

            migrationBuilder.CreateIndex(
                name: "IX_work_history_records_StaffMemberId_ValidFrom",
                table: "work_history_records",
                columns: new[] { "StaffMemberId", "ValidFrom" },
                filter: "\"SupersededAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allowance_records");

            migrationBuilder.DropTable(
                name: "attachment_contents");

            migrationBuilder.DropTable(
                name: "award_records");

            migrationBuilder.DropTable(
                name: "discipline_records");

            migrationBuilder.DropTable(
                name: "dossier_items");

            migrationBuilder.DropTable(
                name: "family_members");

            migrationBuilder.DropTable(
                name: "legal_parameters");

            migrationBuilder.DropTable(
                name: "position_records");

            migrationBuilder.DropTable(
                name: "rating_records");

            migrationBuilder.DropTable(
                name: "reference_items");

            migrationBuilder.DropTable(
                name: "salary_records");

            migrationBuilder.DropTable(
                name: "salary_scale_steps");

            migrationBuilder.DropTable(
                name: "staff_restricted");

            migrationBuilder.DropTable(
                name: "title_definitions");

            migrationBuilder.DropTable(
                name: "training_records");

            migrationBuilder.DropTable(
                name: "work_history_records");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "dossier_item_types");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropIndex(
                name: "IX_staff_members_StaffCode",
                table: "staff_members");

            migrationBuilder.DropIndex(
                name: "IX_staff_members_Status_UnitId",
                table: "staff_members");

            migrationBuilder.DropIndex(
                name: "IX_staff_members_TitleCode",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "AcademicTitle",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "AddressDetail",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "AddressLegacy",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "AddressProvince",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "AddressWard",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "BirthPlaceLegacy",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "BirthPlaceProvince",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "BirthPlaceWard",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "CitizenIdIssuedOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "CompletenessPercent",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Detention",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "DischargedOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "EnlistedOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "EthnicityCode",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "FamilyBackground",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "FirstRecruitedOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "ForeignLanguages",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "ForeignRelations",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "FormerRegimeWork",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "GeneralEducation",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "HealthInsuranceNumber",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "HighestMilitaryRank",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "HighestQualificationCode",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "HomeTownLegacy",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "HomeTownProvince",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "HomeTownWard",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "HonoraryTitles",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "InformationTechnology",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "JoinedCurrentUnitOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "LongestJob",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "MainDuties",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "OccupationBeforeRecruitment",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "OtherNames",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PartyConcurrentPosition",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PartyJoinedOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PartyOfficialOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PartyPosition",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PlannedFor",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PolicyBeneficiary",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "PoliticalTheoryCode",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "RecruitingBody",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "ReligionCode",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "SocialInsuranceNumber",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "SocioPoliticalJoinedOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "SocioPoliticalOrganisation",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "StaffCode",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "StateManagementCode",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "StatusDecisionId",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "StatusOn",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "Strengths",
                table: "staff_members");

            migrationBuilder.DropColumn(
                name: "TitleCode",
                table: "staff_members");
        }
    }
}
