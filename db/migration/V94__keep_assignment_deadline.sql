-- 交办 keeps the deadline it was given. Extensions (延期) and 重新办理 move
-- assignment.deadline, the deadline in force; assigned_deadline stays as it was set when
-- the proposal was assigned, so that the record shows each step with its own deadline.
alter table assignment add column assigned_deadline date;
-- The schema changes come first: an update queues the change log's deferred triggers on
-- assignment, and PostgreSQL refuses ALTER TABLE on a table with pending trigger events.
alter table assignment add constraint ck_assignment_assigned_deadline
    check (assigned_deadline is null or assigned_deadline >= assigned_on);

-- Rows inserted without it (by SQL, not the application) start with their deadline.
create function assignment_assigned_deadline() returns trigger language plpgsql as $$
begin
    if new.assigned_deadline is null then
        new.assigned_deadline := new.deadline;
    end if;
    return new;
end $$;

create trigger tr_assignment_assigned_deadline before insert on assignment
    for each row execute function assignment_assigned_deadline();

-- Rows from before: the first extension's previous deadline is the one assigned; an
-- assignment never extended still has it, unless 重新办理 replaced a lead unit's deadline.
-- Then it is the first extension's made before 重新办理, else a co-unit's (assigned the same
-- day with the same deadline), else unknown (null: the step is shown without one).
update assignment a
set assigned_deadline = case
    when a.role = 'LEAD' and exists (select 1 from rehandling h where h.proposal_id = a.proposal_id) then coalesce(
        (select e.previous_deadline from deadline_extension e
         where e.assignment_id = a.id
           and e.extended_at < (select h.created_at from rehandling h where h.proposal_id = a.proposal_id)
         order by e.id limit 1),
        (select coalesce((select e.previous_deadline from deadline_extension e
                          where e.assignment_id = c.id order by e.id limit 1), c.deadline)
         from assignment c
         where c.proposal_id = a.proposal_id and c.role = 'CO' and c.assigned_on = a.assigned_on
         order by c.id limit 1))
    else coalesce(
        (select e.previous_deadline from deadline_extension e where e.assignment_id = a.id order by e.id limit 1),
        a.deadline)
    end;
