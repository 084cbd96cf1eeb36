-- The queries listCases (src/server/modules/cases/service.ts) issues for GET /api/cases?page=1&pageSize=20&state=closed
-- as the province root, reconstructed from its drizzle code. Run:
--   psql -h 127.0.0.1 -U postgres -d fazhi_bench -v state=closed -f bench/sql/case-list-explain.sql
-- (the root's path is looked up from the latest dataset's summary entry).
select path as root from orgs where parent_id is null order by path limit 1 \gset
\timing on
-- the count, capped (src/server/db/count-capped.ts)
explain (analyze, buffers)
select count(*) from (
  select 1 from penalty_cases
    inner join orgs on orgs.id = penalty_cases.org_id
   where orgs.path like :'root' || '%' and penalty_cases.state = :'state'
   limit 10001) matching;

explain (analyze, buffers)
select penalty_cases.*, orgs.name, parties.name, parties.kind, users.display_name,
       (select min(procedure_deadlines.due_date)::text from procedure_deadlines
         where procedure_deadlines.record_id = penalty_cases.id and procedure_deadlines.status = 'running')
  from penalty_cases
  inner join orgs on orgs.id = penalty_cases.org_id
  inner join parties on parties.id = penalty_cases.party_id
  left join users on users.id = penalty_cases.assignee_id
 where orgs.path like :'root' || '%' and penalty_cases.state = :'state'
 order by penalty_cases.created_at desc nulls last, penalty_cases.id asc
 limit 20 offset 0;

-- quick search (?q=美容): case ids from each trigram-indexed branch, then the page in creation order
explain (analyze, buffers)
select count(*) from (
  select 1 from penalty_cases
    inner join orgs on orgs.id = penalty_cases.org_id
   where orgs.path like :'root' || '%'
     and penalty_cases.id in (
       (select id from penalty_cases where case_number ilike '%美容%' or title ilike '%美容%')
       union
       (select penalty_cases.id from penalty_cases inner join parties on parties.id = penalty_cases.party_id
         where parties.name ilike '%美容%' or parties.uscc ilike '%美容%'))
   limit 10001) matching;
