"""District schema version 1: the district, its outlets, the consolidated cases, what the
district owns, and the district's audit trail.

Written as SQL, frozen: never import db.district.models here.

Ownership decides the tables. What an outlet owns (its cases with their timelines,
transfers, escalations, decisions, notices, reviews, callbacks, liability findings,
work-order links and attachment records; its own work-order records with their replies)
is kept as the newest bundle stated it: a newer state of a case replaces the outlet's part
whole (the child rows cascade with the case). What the district owns (escalation handling,
work orders sent down, targets) lives in its own tables, keyed by the same natural keys but
not cascading from the outlet's rows, so replacing a case never touches them.

Keys are natural: a case is (outlet_code, case_no), a list entry adds its 1-based
position in the outlet's list (``seq``: the outlet's lists only grow, so the n-th stays the
n-th), a work order is (source, number). The one generated number, the audit trail's
``id``, orders the district's own trail and never leaves this database.

Times the outlet stated are its local wall-clock time (``timestamp``), as in the bundle;
times the district records itself are ``timestamptz``.
"""

WORK_ORDER_SOURCES = ("95580", "regulator_12378", "superior_office", "petition")
TARGET_METRICS = (
    "complaints",
    "liable_complaints",
    "urgent_complaints",
    "escalations",
    "superior_work_orders",
    "overdue_replies",
    "callback_satisfaction",
)


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


CASE_KEY = "outlet_code text NOT NULL, case_no text NOT NULL"
CASE_FK = (
    "FOREIGN KEY (outlet_code, case_no) REFERENCES outlet_case (outlet_code, case_no) "
    "ON DELETE CASCADE"
)


def _staff(prefix: str) -> str:
    """A staff reference as the bundle gives it: name and employee number ('' for none)."""
    return f"{prefix}_name text NOT NULL DEFAULT '', {prefix}_no text NOT NULL DEFAULT ''"


STATEMENTS = [
    # --- the district and its outlets --------------------------------------------------------
    """
    CREATE TABLE district (
        code text PRIMARY KEY CHECK (code <> ''),
        name text NOT NULL CHECK (name <> ''),
        public_key text NOT NULL,
        key_fingerprint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
    )
    """,
    # One district per database.
    "CREATE UNIQUE INDEX district_only_one ON district ((true))",
    """
    CREATE TABLE outlet (
        code text PRIMARY KEY CHECK (code <> ''),
        name text NOT NULL CHECK (name <> ''),
        district_code text NOT NULL REFERENCES district (code) ON UPDATE CASCADE,
        district_branch text NOT NULL DEFAULT '',
        public_key text NOT NULL UNIQUE,
        key_fingerprint text NOT NULL,
        enrolled_at timestamptz NOT NULL,
        enrolled_by text NOT NULL,
        last_bundle_seq bigint NOT NULL DEFAULT 0 CHECK (last_bundle_seq >= 0),
        last_bundle_at timestamptz,
        active boolean NOT NULL DEFAULT true
    )
    """,
    """
    CREATE TABLE received_bundle (
        outlet_code text NOT NULL REFERENCES outlet (code),
        seq bigint NOT NULL CHECK (seq > 0),
        created_at timestamp NOT NULL,
        received_at timestamptz NOT NULL,
        received_by text NOT NULL,
        manifest_sha256 text NOT NULL CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
        cases integer NOT NULL DEFAULT 0,
        work_orders integer NOT NULL DEFAULT 0,
        PRIMARY KEY (outlet_code, seq)
    )
    """,
    """
    CREATE TABLE outlet_audit_checkpoint (
        outlet_code text NOT NULL,
        bundle_seq bigint NOT NULL,
        entry_count bigint NOT NULL CHECK (entry_count >= 0),
        last_hash text NOT NULL,
        received_at timestamptz NOT NULL,
        PRIMARY KEY (outlet_code, bundle_seq),
        FOREIGN KEY (outlet_code, bundle_seq) REFERENCES received_bundle (outlet_code, seq)
    )
    """,
    # --- cases as the outlets state them -----------------------------------------------------
    f"""
    CREATE TABLE outlet_case (
        {CASE_KEY},
        received_at timestamp NOT NULL,
        route text NOT NULL DEFAULT '',
        channel text NOT NULL DEFAULT '',
        business_type text NOT NULL DEFAULT '',
        cause text NOT NULL DEFAULT '',
        severity text NOT NULL DEFAULT '',
        urgent_triggers text[] NOT NULL DEFAULT '{{}}',
        customer_name text NOT NULL DEFAULT '',
        customer_phone text NOT NULL DEFAULT '',
        customer_id_no text NOT NULL DEFAULT '',
        remedy_requested text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        {_staff("first_ask_owner")},
        {_staff("handler")},
        status text NOT NULL,
        is_open boolean NOT NULL,
        agreed_reply_at timestamp,
        due_at timestamp,
        settled_at timestamp,
        settlement text NOT NULL DEFAULT '',
        closed_at timestamp,
        created_at timestamp,
        updated_at timestamp,
        other_outlet text NOT NULL DEFAULT '',
        major_reason text NOT NULL DEFAULT '',
        report_required boolean NOT NULL DEFAULT false,
        report_reason text NOT NULL DEFAULT '',
        first_contact_at timestamp,
        first_contact_method text NOT NULL DEFAULT '',
        proposal_at timestamp,
        current_liability_seq integer,
        bundle_seq bigint NOT NULL,
        consolidated_at timestamptz NOT NULL,
        PRIMARY KEY (outlet_code, case_no),
        FOREIGN KEY (outlet_code) REFERENCES outlet (code)
    )
    """,
    "CREATE INDEX outlet_case_received ON outlet_case (received_at DESC, outlet_code, case_no)",
    "CREATE INDEX outlet_case_outlet_received ON outlet_case (outlet_code, received_at DESC)",
    "CREATE INDEX outlet_case_open ON outlet_case (outlet_code, due_at) WHERE is_open",
    f"""
    CREATE TABLE case_event (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        at timestamp NOT NULL,
        {_staff("actor")},
        kind text NOT NULL,
        from_status text NOT NULL DEFAULT '',
        to_status text NOT NULL DEFAULT '',
        note text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{{}}',
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK}
    )
    """,
    "CREATE INDEX case_event_kind_at ON case_event (kind, at)",
    f"""
    CREATE TABLE case_transfer (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        requested_at timestamp NOT NULL,
        {_staff("requested_by")},
        {_staff("handler_staff")},
        handler_name text NOT NULL DEFAULT '',
        handler_outlet text NOT NULL DEFAULT '',
        from_status text NOT NULL DEFAULT '',
        state text NOT NULL,
        contact_at timestamp,
        contact_method text NOT NULL DEFAULT '',
        {_staff("confirmed_by")},
        ended_at timestamp,
        note text NOT NULL DEFAULT '',
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK}
    )
    """,
    f"""
    CREATE TABLE case_escalation (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        at timestamp NOT NULL,
        {_staff("by")},
        level text NOT NULL DEFAULT '',
        note text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{{}}',
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK}
    )
    """,
    f"""
    CREATE TABLE case_decision (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        decided_at timestamp NOT NULL,
        {_staff("decided_by")},
        findings text NOT NULL DEFAULT '',
        basis text NOT NULL DEFAULT '',
        remedies text[] NOT NULL DEFAULT '{{}}',
        remedies_note text NOT NULL DEFAULT '',
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK}
    )
    """,
    f"""
    CREATE TABLE case_notice (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        decision_seq integer,
        kind text NOT NULL,
        method text NOT NULL DEFAULT '',
        at timestamp,
        proof text NOT NULL DEFAULT '',
        {_staff("recorded_by")},
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK},
        FOREIGN KEY (outlet_code, case_no, decision_seq)
            REFERENCES case_decision (outlet_code, case_no, seq) ON DELETE CASCADE
    )
    """,
    f"""
    CREATE TABLE case_review (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        decision_seq integer,
        requested_at timestamp NOT NULL,
        content text NOT NULL DEFAULT '',
        {_staff("recorded_by")},
        decided_at timestamp,
        {_staff("decided_by")},
        outcome text NOT NULL DEFAULT '',
        upheld boolean,
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK},
        FOREIGN KEY (outlet_code, case_no, decision_seq)
            REFERENCES case_decision (outlet_code, case_no, seq) ON DELETE CASCADE
    )
    """,
    f"""
    CREATE TABLE case_callback (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        due_at timestamp,
        {_staff("assigned_to")},
        {_staff("planned_by")},
        planned_at timestamp,
        plan_note text NOT NULL DEFAULT '',
        done_at timestamp,
        {_staff("done_by")},
        method text NOT NULL DEFAULT '',
        reached boolean,
        result text NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        work_order_source text,
        work_order_number text,
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK}
    )
    """,
    f"""
    CREATE TABLE liability_finding (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        liable boolean NOT NULL,
        reasons text NOT NULL DEFAULT '',
        basis text NOT NULL DEFAULT '',
        cause text NOT NULL DEFAULT '',
        authority text NOT NULL DEFAULT '',
        {_staff("determined_by")},
        determined_at timestamp NOT NULL,
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK}
    )
    """,
    f"""
    CREATE TABLE liable_person (
        {CASE_KEY}, finding_seq integer NOT NULL, seq integer NOT NULL CHECK (seq > 0),
        name text NOT NULL,
        employee_no text NOT NULL DEFAULT '',
        share_bp integer NOT NULL CHECK (share_bp BETWEEN 0 AND 10000),
        PRIMARY KEY (outlet_code, case_no, finding_seq, seq),
        FOREIGN KEY (outlet_code, case_no, finding_seq)
            REFERENCES liability_finding (outlet_code, case_no, seq) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX liable_person_staff ON liable_person (outlet_code, employee_no)",
    f"""
    CREATE TABLE case_work_order (
        {CASE_KEY},
        source text NOT NULL,
        number text NOT NULL,
        PRIMARY KEY (outlet_code, case_no, source, number), {CASE_FK}
    )
    """,
    "CREATE INDEX case_work_order_number ON case_work_order (source, number)",
    f"""
    CREATE TABLE case_attachment (
        {CASE_KEY}, seq integer NOT NULL CHECK (seq > 0),
        member text NOT NULL,
        original_name text NOT NULL DEFAULT '',
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{{64}}$'),
        size bigint NOT NULL CHECK (size >= 0),
        liability_seq integer,
        {_staff("added_by")},
        added_at timestamp,
        PRIMARY KEY (outlet_code, case_no, seq), {CASE_FK}
    )
    """,
    # The outlet's own record of a work order, with its reply: outlet-owned, replaced by
    # newer bundles. What the district sent down is district_work_order.
    f"""
    CREATE TABLE outlet_work_order (
        outlet_code text NOT NULL REFERENCES outlet (code),
        source text NOT NULL CHECK (source IN ({_in(WORK_ORDER_SOURCES)})),
        number text NOT NULL CHECK (number <> ''),
        received_at timestamp,
        reply_by timestamp,
        customer_name text NOT NULL DEFAULT '',
        customer_phone text NOT NULL DEFAULT '',
        content text NOT NULL DEFAULT '',
        may_concern_outlet boolean NOT NULL DEFAULT false,
        head_callback_required boolean NOT NULL DEFAULT false,
        case_no text,
        replied_at timestamp,
        {_staff("replied_by")},
        reply_content text NOT NULL DEFAULT '',
        bundle_seq bigint NOT NULL,
        consolidated_at timestamptz NOT NULL,
        PRIMARY KEY (outlet_code, source, number)
    )
    """,
    # --- what the district owns --------------------------------------------------------------
    f"""
    CREATE TABLE district_work_order (
        source text NOT NULL CHECK (source IN ({_in(WORK_ORDER_SOURCES)})),
        number text NOT NULL CHECK (number <> ''),
        outlet_code text NOT NULL REFERENCES outlet (code),
        received_at timestamp NOT NULL,
        reply_by timestamp,
        customer_name text NOT NULL DEFAULT '',
        customer_phone text NOT NULL DEFAULT '',
        content text NOT NULL CHECK (content <> ''),
        may_concern_outlet boolean NOT NULL DEFAULT true,
        head_callback_required boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        sent_down_at timestamptz,
        PRIMARY KEY (source, number)
    )
    """,
    "CREATE INDEX district_work_order_outlet ON district_work_order (outlet_code, reply_by)",
    # The district's handling of an outlet's escalation (Art. 11). Keyed by the escalation's
    # place in the case's list; refers to the case, not to case_escalation, so a newer state
    # of the case (which rebuilds case_escalation) leaves the handling alone.
    f"""
    CREATE TABLE escalation_handling (
        {CASE_KEY},
        escalation_seq integer NOT NULL CHECK (escalation_seq > 0),
        escalated_at timestamp NOT NULL,
        accepted_at timestamptz,
        accepted_by text NOT NULL DEFAULT '',
        department text NOT NULL DEFAULT '',
        psbc_counterpart text NOT NULL DEFAULT '',
        notes text NOT NULL DEFAULT '',
        result text NOT NULL DEFAULT '',
        result_at timestamptz,
        sent_down_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        PRIMARY KEY (outlet_code, case_no, escalation_seq),
        FOREIGN KEY (outlet_code, case_no) REFERENCES outlet_case (outlet_code, case_no)
            ON DELETE RESTRICT
    )
    """,
    f"""
    CREATE TABLE district_target (
        outlet_code text NOT NULL REFERENCES outlet (code),
        period text NOT NULL CHECK (period ~ '^[0-9]{{4}}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
        metric text NOT NULL CHECK (metric IN ({_in(TARGET_METRICS)})),
        value double precision NOT NULL CHECK (value >= 0),
        set_at timestamptz NOT NULL DEFAULT now(),
        set_by text NOT NULL,
        PRIMARY KEY (outlet_code, period, metric)
    )
    """,
    # --- the district's audit trail ----------------------------------------------------------
    """
    CREATE TABLE district_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        table_name text NOT NULL,
        op char(1) NOT NULL CHECK (op IN ('I', 'U', 'D')),
        row_key jsonb NOT NULL,
        before jsonb,
        after jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
    )
    """,
    # The text an entry's hash covers; the check recomputes it with the same function.
    """
    CREATE FUNCTION district_audit_payload(
        prev text, at timestamptz, actor text, table_name text, op text,
        row_key jsonb, before jsonb, after jsonb
    ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT concat_ws(E'\\x1f', prev,
            to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            actor, table_name, op, row_key::text,
            coalesce(before::text, ''), coalesce(after::text, ''))
    $$
    """,
    # Row trigger: TG_ARGV names the table's key columns. The actor is the session's
    # complaint_desk.actor (set by db.district.audit), else the database role.
    """
    CREATE FUNCTION district_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
        key jsonb := '{}';
        col text;
        who text := coalesce(nullif(current_setting('complaint_desk.actor', true), ''),
                             session_user::text);
        stamp timestamptz := clock_timestamp();
        op text := left(TG_OP, 1);
        prev text;
    BEGIN
        IF TG_OP = 'UPDATE' AND old_row = new_row THEN
            RETURN NEW;
        END IF;
        FOREACH col IN ARRAY TG_ARGV LOOP
            key := key || jsonb_build_object(col, coalesce(new_row, old_row) -> col);
        END LOOP;
        PERFORM pg_advisory_xact_lock(hashtext('district_audit'));
        SELECT a.hash INTO prev FROM district_audit a ORDER BY a.id DESC LIMIT 1;
        prev := coalesce(prev, repeat('0', 64));
        INSERT INTO district_audit (at, actor, table_name, op, row_key, before, after,
                                    prev_hash, hash)
        VALUES (stamp, who, TG_TABLE_NAME, op, key, old_row, new_row, prev,
                encode(sha256(convert_to(district_audit_payload(
                    prev, stamp, who, TG_TABLE_NAME, op, key, old_row, new_row), 'UTF8')),
                    'hex'));
        RETURN coalesce(NEW, OLD);
    END
    $$
    """,
    """
    CREATE FUNCTION district_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'the district audit trail cannot be changed (' || TG_OP || ')';
    END
    $$
    """,
    """
    CREATE TRIGGER district_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
    ON district_audit FOR EACH STATEMENT EXECUTE FUNCTION district_audit_refuse()
    """,
]

# The district's own tables and their key columns: every write to them is audited.
AUDITED = {
    "district": ("code",),
    "outlet": ("code",),
    "received_bundle": ("outlet_code", "seq"),
    "district_work_order": ("source", "number"),
    "escalation_handling": ("outlet_code", "case_no", "escalation_seq"),
    "district_target": ("outlet_code", "period", "metric"),
}


def _run(db, statement: str) -> None:
    """DDL as written: no parameters, so psycopg reads no placeholders in it."""
    db.cursor().execute(statement)


def up(migrator, db):
    for statement in STATEMENTS:
        _run(db, statement)
    for table, key in AUDITED.items():
        args = ", ".join(f"'{c}'" for c in key)
        _run(
            db,
            f"CREATE TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION district_audit_row({args})",
        )
