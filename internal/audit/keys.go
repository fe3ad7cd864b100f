package audit

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/keyring"
)

// ExportKey writes this PC's audit key to path, for another PC that must
// verify rows sealed here (a database moved, a restored backup). The file
// is a secret like a password: with it and the database anyone can forge
// rows, so only an administrator may take it out. It returns the key's id.
func (s *Service) ExportKey(ctx context.Context, by domain.Actor, path string) (string, error) {
	if err := permission.Check(by, permission.BackupRestore, ""); err != nil {
		return "", err
	}
	k, err := keyring.Current()
	if err != nil {
		return "", err
	}
	if err := keyring.Export(k.ID, path); err != nil {
		return "", domain.NewProblem("problem.audit.key_export", "Cannot write the audit key to {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
	}
	return k.ID, nil
}

// ImportKey adds the audit key in path (exported on another PC) to the
// keys this PC verifies with; this PC keeps sealing with its own.
func (s *Service) ImportKey(ctx context.Context, by domain.Actor, path string) (string, error) {
	if err := permission.Check(by, permission.BackupRestore, ""); err != nil {
		return "", err
	}
	id, err := keyring.Import(path)
	if err != nil {
		return "", domain.NewProblem("problem.audit.key_import", "{{.Path}} is not an audit key exported by BudgetPerf ({{.Err}}). Export it again on the other PC with \"budgetperf audit key export FILE\".", "Path", path, "Err", err.Error())
	}
	return id, nil
}
