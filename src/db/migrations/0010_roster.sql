-- The forum's roster (issue #11): its seats with terms, its rules as dated versions, and open nominations for
-- civil-society seats, decided by an election with secret ballots or by a named panel (ADR 0026).
-- One forum per plan for now: each table hangs on a plan.

-- The forum's rules (運作規範 / 設置要點): every version kept and readable; the highest number is the one in force.
CREATE TABLE forum_rules (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  effective_on date NOT NULL,
  body jsonb NOT NULL,
  change_note jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number)
);
SELECT cocreate_watch('forum_rules');

-- A call for nominations to civil-society seats. Its result (counts, turnout, how ties were decided) is written once,
-- when the secretariat publishes it; until then only the call and the accepted nominations are public.
CREATE TABLE nomination_calls (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  title jsonb NOT NULL,
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 50),
  eligibility jsonb NOT NULL,
  nominations_open_on date NOT NULL,
  nominations_close_on date NOT NULL,
  term_starts_on date NOT NULL,
  term_ends_on date NOT NULL,
  method text NOT NULL CHECK (method IN ('election', 'panel')),
  voting_opens_on date,
  voting_closes_on date,
  tie_rule text CHECK (tie_rule IN ('lot', 'older-registration')),
  -- The panel's members, named (panel method).
  panel jsonb NOT NULL,
  -- Ballots cast so far: the turnout's numerator, shown only with the result. Who voted is in call_voters.
  ballots_cast integer NOT NULL DEFAULT 0 CHECK (ballots_cast >= 0),
  result_published_at timestamptz,
  -- Accounts eligible to vote when voting closed, counted at publication: the turnout's denominator.
  eligible_voters integer CHECK (eligible_voters >= 0),
  -- How a tie at the last seat was decided: the rule, who was tied, who was chosen, the record of a public draw.
  tie_break jsonb,
  result_note jsonb,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (nominations_close_on >= nominations_open_on),
  CHECK (term_ends_on >= term_starts_on),
  CHECK (method <> 'election' OR (voting_opens_on IS NOT NULL AND voting_closes_on IS NOT NULL AND tie_rule IS NOT NULL)),
  CHECK (voting_closes_on IS NULL OR voting_opens_on IS NULL OR voting_closes_on >= voting_opens_on)
);
CREATE INDEX nomination_calls_plan_idx ON nomination_calls (plan_id, nominations_open_on);
SELECT cocreate_watch('nomination_calls');

-- A nomination: public only once the nominee has accepted it (self-nominations are accepted as they are made).
CREATE TABLE nominations (
  id serial PRIMARY KEY,
  call_id integer NOT NULL REFERENCES nomination_calls (id) ON DELETE CASCADE,
  nominee_id integer NOT NULL REFERENCES users (id),
  -- Who nominated; cleared when that account is deleted. Never shown publicly (the page says only "self" or "another").
  nominator_id integer REFERENCES users (id) ON DELETE SET NULL,
  self_nominated boolean NOT NULL,
  statement jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  -- A moderator hid the statement, with this public reason.
  hidden_reason jsonb,
  -- Written at publication: the count of votes, and whether the election or the panel chose the nominee (and why).
  votes integer CHECK (votes >= 0),
  selected boolean NOT NULL DEFAULT false,
  selection_reason jsonb,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (call_id, nominee_id)
);
CREATE INDEX nominations_nominee_idx ON nominations (nominee_id);
CREATE INDEX nominations_nominator_idx ON nominations (nominator_id);
SELECT cocreate_watch('nominations', 'call_id', 'nomination_calls');

-- The secret ballot, in two tables that share nothing but the call (ADR 0026). call_voters says who has voted, so
-- nobody votes twice: no timestamp, no serial id, emptied once the result is published. ballot_tallies holds the
-- counts per nominee: no voter, no timestamp; each ballot rewrites every tally row of its call, so the rows a
-- ballot touched do not tell which nominees it marked.
CREATE TABLE call_voters (
  call_id integer NOT NULL REFERENCES nomination_calls (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (call_id, user_id)
);

CREATE TABLE ballot_tallies (
  call_id integer NOT NULL REFERENCES nomination_calls (id) ON DELETE CASCADE,
  nomination_id integer NOT NULL REFERENCES nominations (id) ON DELETE CASCADE,
  votes integer NOT NULL DEFAULT 0 CHECK (votes >= 0),
  PRIMARY KEY (call_id, nomination_id)
);

-- A seat of the forum: sector, role, term, the holder (an account, a name for officials without one, or nobody:
-- vacant), the agency of a government seat, and how it was filled. Past seats stay, with their terms.
CREATE TABLE forum_seats (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  sector text NOT NULL CHECK (sector IN ('government', 'civil-society', 'other')),
  role text NOT NULL CHECK (role IN ('convener', 'co-convener', 'member')),
  starts_on date NOT NULL,
  -- None: held until replaced (a seat held by office).
  ends_on date,
  user_id integer REFERENCES users (id),
  holder_name jsonb NOT NULL,
  agency_id integer REFERENCES agencies (id),
  filled_by text NOT NULL CHECK (filled_by IN ('appointed', 'elected', 'panel-selected')),
  call_id integer REFERENCES nomination_calls (id),
  nomination_id integer REFERENCES nominations (id),
  -- The earlier seat this one continues: an ended seat that was replaced is a past seat, not a vacancy.
  replaces_seat_id integer UNIQUE REFERENCES forum_seats (id) ON DELETE SET NULL,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK (replaces_seat_id IS NULL OR replaces_seat_id <> id)
);
CREATE INDEX forum_seats_plan_idx ON forum_seats (plan_id, starts_on);
CREATE INDEX forum_seats_user_idx ON forum_seats (user_id);
SELECT cocreate_watch('forum_seats');
