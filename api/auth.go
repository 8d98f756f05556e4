package api

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/athar-org/athar"
)

// tokenPrefix starts every token, so that a leaked one is easy to find in
// a repository or a log by a secret scanner.
const tokenPrefix = "athar_"

// NewToken returns a new random API token and the SHA-256 hash to store.
// The token carries 32 random bytes, so a plain hash is enough: there is
// nothing to guess.
func NewToken() (secret string, hash []byte) {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	secret = tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashToken(secret)
}

// HashToken returns the hash under which a token is stored.
func HashToken(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// caller is the authenticated user of one request.
type caller struct {
	athar.User
	TokenID string
}

// authenticate reads the bearer token and returns the caller, or an
// EUNAUTHORIZED error.
func (s *Server) authenticate(r *http.Request) (*caller, error) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if h == "" {
		return nil, athar.Errorf(athar.EUNAUTHORIZED, "this needs an API token: send \"Authorization: Bearer <token>\" (athar tokens create makes one)")
	}
	if !ok || !strings.EqualFold(scheme, "Bearer") || !strings.HasPrefix(strings.TrimSpace(tok), tokenPrefix) {
		return nil, athar.Errorf(athar.EUNAUTHORIZED, "the Authorization header must be \"Bearer <token>\" with an Athar token")
	}
	hash := HashToken(strings.TrimSpace(tok))
	if c := s.tokens.get(hash); c != nil {
		return c, nil
	}
	u, t, err := s.store.Authenticate(r.Context(), hash)
	if err != nil {
		return nil, err
	}
	c := &caller{User: u, TokenID: t.ID}
	s.tokens.put(hash, c, t.ExpiresAt)
	return c, nil
}

// tokenTTL is how long a checked token is trusted without asking the
// store again: a token revoked or a user disabled from the command line
// stops working within this time.
const tokenTTL = 2 * time.Second

// tokenCache remembers recently checked tokens, so that a client sending
// many requests costs one store read every tokenTTL.
type tokenCache struct {
	mu sync.Mutex
	m  map[string]cachedToken
}

type cachedToken struct {
	c     *caller
	until time.Time
}

func (tc *tokenCache) get(hash []byte) *caller {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	ct, ok := tc.m[string(hash)]
	if !ok || !time.Now().Before(ct.until) {
		return nil
	}
	return ct.c
}

func (tc *tokenCache) put(hash []byte, c *caller, expires time.Time) {
	until := time.Now().Add(tokenTTL)
	if expires.Before(until) {
		until = expires
	}
	tc.mu.Lock()
	defer tc.mu.Unlock()
	if tc.m == nil || len(tc.m) > 10_000 { // bounded: drop all, refill on use
		tc.m = map[string]cachedToken{}
	}
	tc.m[string(hash)] = cachedToken{c, until}
}

// Permissions, by what a route does.
var (
	screenRoles  = []athar.Role{athar.RoleScreener, athar.RoleAnalyst, athar.RoleAdmin}
	readRoles    = []athar.Role{athar.RoleScreener, athar.RoleAnalyst, athar.RoleAdmin, athar.RoleAuditor}
	editRoles    = []athar.Role{athar.RoleAnalyst, athar.RoleAdmin}
	auditorRoles = []athar.Role{athar.RoleAuditor}
)

func (c *caller) allowed(roles []athar.Role) bool { return slices.Contains(roles, c.Role) }

// labelOf reads an empty label as CLEAR, as the domain says.
func labelOf(l athar.TLP) athar.TLP {
	if l == "" {
		return athar.TLPClear
	}
	return l
}

// canSee says whether u may see a record or decision of the given owner
// and label. CLEAR and GREEN are seen by every organisation of the
// deployment (it is one community); AMBER and RED only by the owning
// organisation. RED is not yet limited to named people within it.
func canSee(u *athar.User, owner string, label athar.TLP) bool {
	switch labelOf(label) {
	case athar.TLPClear, athar.TLPGreen:
		return true
	case athar.TLPAmber, athar.TLPRed:
		return owner != "" && owner == u.Org
	}
	return false // an unknown label: nobody
}

// seeFunc is canSee for screen.Options.
func seeFunc(u *athar.User) func(string, athar.TLP) bool {
	return func(owner string, label athar.TLP) bool { return canSee(u, owner, label) }
}

// newID returns prefix and 10 random bytes in hex.
func newID(prefix string) string {
	b := make([]byte, 10)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}
