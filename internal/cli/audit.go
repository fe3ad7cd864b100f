package cli

import (
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

func init() {
	register(command{name: "audit verify", summary: "cli.audit_verify.summary", run: runAuditVerify})
	register(command{name: "audit list", summary: "cli.audit_list.summary", run: runAuditList})
	register(command{name: "audit export", summary: "cli.audit_export.summary", run: runAuditExport})
	register(command{name: "audit key export", summary: "cli.audit_key_export.summary", run: runAuditKeyExport})
	register(command{name: "audit key import", summary: "cli.audit_key_import.summary", run: runAuditKeyImport})
}

// runAuditKeyExport writes this PC's audit key to FILE.
func runAuditKeyExport(env *Env, args []string) error {
	return auditKey(env, args, "audit key export", "cli.audit_key_export.about", "cli.audit.key_exported",
		func(svc *services.Services, path string) (string, error) {
			return svc.Audit.ExportKey(env.ctx, env.Actor, path)
		})
}

// runAuditKeyImport adds the audit key in FILE to this PC's.
func runAuditKeyImport(env *Env, args []string) error {
	return auditKey(env, args, "audit key import", "cli.audit_key_import.about", "cli.audit.key_imported",
		func(svc *services.Services, path string) (string, error) {
			return svc.Audit.ImportKey(env.ctx, env.Actor, path)
		})
}

func auditKey(env *Env, args []string, name, about, done string, do func(*services.Services, string) (string, error)) error {
	f := newFlags(env, name, "FILE", about)
	path, err := f.parseOne(args)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	id, err := do(svc, path)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(done, "Key", id, "Path", path))
	return nil
}

func runAuditVerify(env *Env, args []string) error {
	f := newFlags(env, "audit verify", "", "cli.audit_verify.about")
	if err := f.parseNone(args); err != nil {
		return err
	}
	text, err := verifiedTrail(env)
	if err != nil {
		return err // a broken chain is a problem naming the first bad row: exit 1
	}
	fmt.Fprintln(env.Stdout, text)
	return nil
}

// auditFilterFlags are the filters shared by audit list and audit export.
type auditFilterFlags struct {
	entity, key, user, from, to *string
}

func addAuditFilters(f *flags) auditFilterFlags {
	return auditFilterFlags{
		entity: f.String("entity", "", "cli.flag.audit_entity"),
		key:    f.String("key", "", "cli.flag.audit_key"),
		user:   f.String("login", "", "cli.flag.audit_user"),
		from:   f.String("from", "", "cli.flag.audit_from"),
		to:     f.String("to", "", "cli.flag.audit_to"),
	}
}

// filter reads the dates as local calendar days; --to includes its day.
func (a auditFilterFlags) filter() (audit.Filter, error) {
	fl := audit.Filter{Entity: *a.entity, EntityKey: i18n.StoredEntityKey(*a.key), Login: *a.user}
	// the filters also take the words the text list shows (系统管理员, 预算调整, 2026/调整/1)
	if fl.Login == i18n.UserName(domain.LocalUser.Login) {
		fl.Login = domain.LocalUser.Login
	}
	for _, e := range logbook.Entities {
		if fl.Entity == i18n.T("audit.entity."+e) {
			fl.Entity = e
		}
	}
	day := func(s string) (time.Time, error) {
		t, err := time.ParseInLocation("2006-01-02", s, time.Local)
		if err != nil {
			return t, usagef("%s", i18n.T("cli.audit.bad_date", "Date", s))
		}
		return t, nil
	}
	var err error
	if *a.from != "" {
		if fl.From, err = day(*a.from); err != nil {
			return fl, err
		}
	}
	if *a.to != "" {
		if fl.To, err = day(*a.to); err != nil {
			return fl, err
		}
		fl.To = fl.To.AddDate(0, 0, 1)
	}
	return fl, nil
}

type auditJSON struct {
	Seq       int64  `json:"seq"`
	At        string `json:"at"`
	User      string `json:"user"`
	Entity    string `json:"entity"`
	EntityKey string `json:"entity_key"`
	Field     string `json:"field"`
	Old       string `json:"old"`
	New       string `json:"new"`
	Reason    string `json:"reason"`
	Hash      string `json:"hash"`
}

func runAuditList(env *Env, args []string) error {
	f := newFlags(env, "audit list", "", "cli.audit_list.about")
	filters := addAuditFilters(f)
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	fl, err := filters.filter()
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	es, err := svc.Audit.List(env.ctx, env.Actor, fl)
	if err != nil {
		return err
	}
	out := struct {
		Entries []auditJSON `json:"entries"`
	}{Entries: []auditJSON{}}
	var rows [][]string
	for _, e := range es {
		out.Entries = append(out.Entries, auditJSON{Seq: e.Seq, At: e.At.Format(logbook.TimeFormat), User: e.Login, Entity: e.Entity,
			EntityKey: e.EntityKey, Field: e.Field, Old: e.Old, New: e.New, Reason: e.Reason, Hash: e.Hash})
		// text shows display names as the window does; --json keeps the stored values
		rows = append(rows, append([]string{fmt.Sprint(e.Seq)}, i18n.AuditRow(e)...))
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	return table(env.Stdout, auditHeaders()[:9], rows)
}

// auditHeaders are the column titles in the user's language, in the
// order of audit.Headers.
func auditHeaders() []string {
	keys := []string{"col.audit.seq", "col.audit.at", "col.audit.user", "col.audit.entity", "col.audit.key", "col.audit.field",
		"col.audit.old", "col.audit.new", "col.audit.reason", "col.audit.hash"}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = i18n.T(k)
	}
	return out
}

func runAuditExport(env *Env, args []string) error {
	f := newFlags(env, "audit export", "", "cli.audit_export.about")
	filters := addAuditFilters(f)
	out := f.String("o", "", "cli.flag.output_xlsx")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("%s", i18n.T("cli.output_required"))
	}
	fl, err := filters.filter()
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	n, err := svc.Audit.Export(env.ctx, env.Actor, fl, auditHeaders(), *out, i18n.T)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.audit.exported", "Rows", n, "Path", *out))
	return nil
}

// verifiedTrail signs in to env's database and verifies its audit trail.
func verifiedTrail(env *Env) (string, error) {
	svc, err := env.open()
	if err != nil {
		return "", err
	}
	defer svc.Close()
	r, err := svc.Audit.Verify(env.ctx, env.Actor)
	if err != nil {
		return "", err
	}
	return i18n.T("cli.audit.verified", "Rows", r.Rows, "Head", r.Head.String()), nil
}
