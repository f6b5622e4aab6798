-- Each module deletes the customer rows of the tables it owns (GDPR erasure, CustomerDataOwner in the
-- code); the database no longer cascades a customer's deletion into other modules' tables. The foreign
-- keys that point at customer data are checked at commit instead of per statement, so the owners may
-- erase in any order within the erasure's transaction, and a table whose owner forgets it makes the
-- erasure fail rather than keep personal data. The keys themselves (and their names) stay as they were.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT con.conname, con.conrelid::regclass AS child, pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con
        WHERE con.contype = 'f'
          AND con.connamespace = current_schema()::regnamespace
          AND con.confrelid IN ('customer'::regclass, 'big_five_result'::regclass, 'customer_touch'::regclass)
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.child, fk.conname);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s DEFERRABLE INITIALLY DEFERRED', fk.child, fk.conname,
                       replace(fk.definition, ' ON DELETE CASCADE', ''));
    END LOOP;
END
$$;
