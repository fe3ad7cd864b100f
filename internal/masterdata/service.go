package masterdata

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Service reads and changes departments and subjects.
type Service struct{ st *store.Store }

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st} }

// EnsureCatalogue adds built-in subjects missing from the database, so that
// a catalogue grown in a newer release reaches existing databases.
func (s *Service) EnsureCatalogue(ctx context.Context) error {
	subjects, err := BuiltInSubjects()
	if err != nil {
		return err
	}
	n, err := s.st.CountSubjects(ctx)
	if err != nil {
		return err
	}
	if n >= len(subjects) {
		return nil
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		_, err := tx.AddSubjects(ctx, subjects)
		return err
	})
}

// Departments lists every department, the built-in hospital-wide unit first.
func (s *Service) Departments(ctx context.Context, by domain.Actor) ([]domain.Department, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return nil, err
	}
	return s.st.Departments(ctx)
}

// Subjects lists the subject catalogue.
func (s *Service) Subjects(ctx context.Context, by domain.Actor) ([]domain.Subject, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return nil, err
	}
	return s.st.Subjects(ctx)
}

// IsEmpty reports whether the hospital has no departments of its own yet,
// which is when the first launch offers the demo hospital.
func (s *Service) IsEmpty(ctx context.Context, by domain.Actor) (bool, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return false, err
	}
	n, err := s.st.CountUserDepartments(ctx)
	return n == 0, err
}

// SaveDepartment validates d and creates or updates it, recording the old
// and new value of each changed field in the audit trail.
func (s *Service) SaveDepartment(ctx context.Context, by domain.Actor, d domain.Department) error {
	if err := permission.Check(by, permission.MasterdataEdit, ""); err != nil {
		return err
	}
	d.Code = strings.TrimSpace(d.Code)
	d.Name = strings.TrimSpace(d.Name)
	d.NameEn = strings.TrimSpace(d.NameEn)
	if d.Code == domain.HospitalWideCode {
		return domain.NewProblem("problem.dept.builtin", "Department 000 is the built-in hospital-wide unit and cannot be changed.")
	}
	if ps := d.Validate(); len(ps) > 0 {
		return ps
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error { return SaveDepartmentAudited(ctx, tx, by, d, "") })
}

// HospitalName is the (Chinese) name printed on screens and reports.
func (s *Service) HospitalName(ctx context.Context, by domain.Actor) (string, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return "", err
	}
	return s.st.Setting(ctx, "hospital_name")
}

// HospitalDisplayName is the name in the interface language: the English
// name where one is set and the language is English, else the Chinese one.
func (s *Service) HospitalDisplayName(ctx context.Context, by domain.Actor, lang string) (string, error) {
	name, err := s.HospitalName(ctx, by)
	if err != nil || lang != "en" {
		return name, err
	}
	if en, err := s.st.Setting(ctx, "hospital_name_en"); err == nil && en != "" {
		return en, nil
	}
	return name, nil
}

// SetHospitalName changes the Chinese and English names printed on screens
// and reports; the English one may be empty.
func (s *Service) SetHospitalName(ctx context.Context, by domain.Actor, name, nameEn string) error {
	if err := permission.Check(by, permission.MasterdataEdit, ""); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return domain.NewProblem("problem.hospital_name_empty", "The hospital name is empty: enter the name printed on reports.")
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		var trail []logbook.Entry
		for _, kv := range [][2]string{{"hospital_name", name}, {"hospital_name_en", strings.TrimSpace(nameEn)}} {
			old, err := tx.Setting(ctx, kv[0])
			if err != nil {
				return err
			}
			if err := tx.SetSetting(ctx, kv[0], kv[1]); err != nil {
				return err
			}
			if e, ok := logbook.Change(logbook.EntitySetting, kv[0], "value", old, kv[1], ""); ok {
				trail = append(trail, e)
			}
		}
		return tx.AppendAudit(ctx, by.Login, trail...)
	})
}

// HospitalNameEn is the English name, "" when none is set.
func (s *Service) HospitalNameEn(ctx context.Context, by domain.Actor) (string, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return "", err
	}
	return s.st.Setting(ctx, "hospital_name_en")
}
