package athar

import (
	"encoding/json"
	"time"
)

// Role is what a user may do. Roles are not ranked: an auditor reads the
// audit log but does not screen; an admin manages the registry but does not
// read the audit log.
type Role string

const (
	RoleScreener Role = "screener" // screens people and decides on the hits
	RoleAnalyst  Role = "analyst"  // also enters and edits records, imports lists
	RoleAdmin    Role = "admin"    // also manages users and tokens
	RoleAuditor  Role = "auditor"  // reads the audit log, records and decisions
)

// Roles lists every role, in the order help texts show them.
var Roles = []Role{RoleScreener, RoleAnalyst, RoleAdmin, RoleAuditor}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	switch r {
	case RoleScreener, RoleAnalyst, RoleAdmin, RoleAuditor:
		return true
	}
	return false
}

// Valid reports whether l is one of the four labels.
func (l TLP) Valid() bool {
	switch l {
	case TLPClear, TLPGreen, TLPAmber, TLPRed:
		return true
	}
	return false
}

// Organization is an agency or unit sharing the registry. Users, records
// entered by hand and decisions belong to one.
type Organization struct {
	ID        string    `json:"id"` // short and stable, e.g. "unhcr-hol"
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

// User is a person who signs in. Users are never deleted, only disabled, so
// that the audit log keeps naming them.
type User struct {
	Login     string    `json:"login"`
	Name      string    `json:"name,omitempty"` // full name, for the audit log and decisions
	Org       string    `json:"org"`
	Role      Role      `json:"role"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
}

// Token is an API token's description. The secret itself is shown once,
// when the token is created, and kept only as a hash.
type Token struct {
	ID        string    `json:"id"` // public; names the token for revocation
	User      string    `json:"user"`
	Name      string    `json:"name,omitempty"` // what it is for, e.g. "crossing laptop 3"
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	RevokedAt time.Time `json:"revoked_at,omitzero"`
}

// Outcome is an officer's decision on one screening result.
type Outcome string

const (
	OutcomeMatch         Outcome = "confirmed_match"
	OutcomeFalsePositive Outcome = "false_positive"
	OutcomeNeedsInfo     Outcome = "needs_more_information"
)

// Valid reports whether o is one of the three outcomes.
func (o Outcome) Valid() bool {
	switch o {
	case OutcomeMatch, OutcomeFalsePositive, OutcomeNeedsInfo:
		return true
	}
	return false
}

// Decision is an officer's review of one screening result: the person
// screened (by their query identity) against one record.
type Decision struct {
	ID       string `json:"id"`
	QueryKey string `json:"query_key"` // identity of the person screened, see api.QueryKey
	// Query is the query as screened, kept so that a reviewer can read whom
	// the decision is about. It is personal data; it is shown only to those
	// who may see the decision.
	Query     json.RawMessage `json:"query,omitempty"`
	PersonID  string          `json:"person_id"`
	Outcome   Outcome         `json:"outcome"`
	Reason    string          `json:"reason"`
	Officer   string          `json:"officer"` // the officer's name, as they give it
	User      string          `json:"user"`    // the login that recorded it
	Owner     string          `json:"owner"`   // the organisation of that user
	Label     TLP             `json:"label"`
	CreatedAt time.Time       `json:"created_at"`
}

// AuditEntry is one line of the audit log. Entries are chained: Hash covers
// PrevHash and the entry's own content, so that changing, removing or
// reordering an entry breaks the chain from there on.
type AuditEntry struct {
	Seq    int64           `json:"seq"`
	At     time.Time       `json:"at"`
	Actor  string          `json:"actor"` // the login, or "cli:<os user>" for the command line
	Org    string          `json:"org,omitempty"`
	Action string          `json:"action"`           // e.g. screen, person.read, decision.create
	Target string          `json:"target,omitempty"` // the record, decision, job or user acted on
	Detail json.RawMessage `json:"detail,omitempty"` // a JSON object
	Prev   string          `json:"prev_hash"`
	Hash   string          `json:"hash"`
}

// AuditImport is the action of a dataset import, over the API or with
// athar import: a dataset's versions are read back by it.
const AuditImport = "dataset.import"

// Job is a batch screening submitted to the server.
type Job struct {
	ID         string          `json:"id"`
	User       string          `json:"user"`
	Org        string          `json:"org"`
	Status     string          `json:"status"` // queued, running, done, failed
	Format     string          `json:"format"` // jsonl or csv
	Queries    int             `json:"queries"`
	Done       int             `json:"done"`
	Error      string          `json:"error,omitempty"`
	Summary    json.RawMessage `json:"summary,omitempty"`
	CreatedAt  time.Time       `json:"created_at"`
	FinishedAt time.Time       `json:"finished_at,omitzero"`
}

// DecisionFilter selects decisions. Empty fields select everything.
type DecisionFilter struct {
	// Org is the organisation asking: only decisions it may see are
	// returned (labelled CLEAR or GREEN, or owned by Org). It is required.
	Org      string
	QueryKey string
	PersonID []string // any of these records
	Outcome  Outcome
	Text     string // in the reason, the officer's name or the query
	Before   string // decisions older than this decision id's, for paging
	Limit    int    // 0: 100
}
