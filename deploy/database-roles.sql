-- Database roles for a real Portal installation (run once as a PostgreSQL superuser; psql -v ... for the passwords).
-- docs/decisions/0007 explains why. The embedded local database of `dotnet run` does the same by itself: its superuser
-- migrates, the app runs as portal_app, and the TamperEvidentAudit migration creates portal_maintenance.
--
--   portal_owner        owns the schema; migrations, Hangfire's schema and the grants below run as it at every start
--                       (ConnectionStrings__PortalOwner).
--   portal_app          what the running instances log in as: reads and writes the business tables, may only SELECT and
--                       INSERT the audit log (and the trigger refuses UPDATE/DELETE/TRUNCATE to every role anyway).
--   portal_maintenance  NOLOGIN; the only role the append-only trigger lets change audit rows. Grant it to a named DBA
--                       for a documented, logged maintenance window (e.g. archiving), never to portal_app.

CREATE ROLE portal_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE portal_app LOGIN PASSWORD :'app_password';
CREATE ROLE portal_maintenance NOLOGIN;
CREATE DATABASE portal OWNER portal_owner;

\connect portal
SET ROLE portal_owner;
-- Nothing more to run by hand: at every start the app, as portal_owner, applies the migrations and then grants
-- portal_app what it needs (Portal.Infrastructure/Postgres/ApplicationRole.cs), which amounts to:
--   GRANT USAGE ON SCHEMA public, hangfire TO portal_app;
--   GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, hangfire TO portal_app;
--   REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM portal_app;
--   REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM portal_app;
--   GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, hangfire TO portal_app;
--   GRANT SELECT, UPDATE, DELETE, TRUNCATE ON audit_entries TO portal_maintenance;
RESET ROLE;

-- Maintenance, by a DBA who is a member of portal_maintenance (GRANT portal_maintenance TO dba_name;):
--   SET ROLE portal_maintenance;  ... ;  RESET ROLE;
-- Anything changed this way breaks the hash chain at that row; the nightly verification and the principal's
-- "Kiểm tra tính toàn vẹn" report it, which is the point: maintenance is visible, never silent.
