package store

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// progressProject makes a department, a subject and a project of year
// with two targets, and returns the project id.
func progressProject(t *testing.T, s *Store, year int, name string) int64 {
	t.Helper()
	ctx := context.Background()
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.AddSubjects(ctx, []domain.Subject{{Code: "310", Name: "资本性支出", Kind: domain.Expenditure, Origin: "classification"},
			{Code: "31003", Name: "专用设备购置", Parent: "310", Kind: domain.Expenditure, Origin: "classification"}}); err != nil {
			return err
		}
		if err := tx.SaveDepartment(ctx, domain.LocalUser, domain.Department{Code: "502", Name: "设备科", Type: domain.Logistics, CoefficientMilli: 1000}); err != nil {
			return err
		}
		var err error
		id, err = tx.SaveProject(ctx, domain.LocalUser, domain.Project{Year: year, DeptCode: "502", Name: name, Type: domain.ProjectEquipment,
			SubjectCode: "31003", Amount: money.FromYuan(1000000), StartYear: year, EndYear: year,
			Targets: []domain.Target{
				{Category: domain.TargetQuantity, Indicator: "设备数量", Value: "4", Unit: "台", Direction: domain.DirHigher},
				{Category: domain.TargetSatisfaction, Indicator: "满意度", Value: "90%", Direction: domain.DirHigher},
			}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestTargetValuesAndSpending(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	id := progressProject(t, s, 2025, "设备更新")
	other := progressProject(t, s, 2026, "下年设备")
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, v := range []TargetValue{
			{ProjectID: id, Position: 1, Month: 3, Value: "1"},
			{ProjectID: id, Position: 1, Month: 6, Value: "2", Note: "到货延迟"},
			{ProjectID: id, Position: 2, Month: 6, Value: "92%"},
			{ProjectID: other, Position: 1, Month: 1, Value: "9"},
		} {
			if err := tx.SaveTargetValue(ctx, domain.LocalUser, v); err != nil {
				return err
			}
		}
		// A second report for the same month replaces the first.
		if err := tx.SaveTargetValue(ctx, domain.LocalUser, TargetValue{ProjectID: id, Position: 1, Month: 6, Value: "3", Note: "补报"}); err != nil {
			return err
		}
		if err := tx.SaveProjectSpending(ctx, domain.LocalUser, id, 5, money.FromYuan(600000)); err != nil {
			return err
		}
		if err := tx.SaveProjectSpending(ctx, domain.LocalUser, id, 5, money.FromYuan(550000)); err != nil {
			return err
		}
		if err := tx.SaveProjectSpending(ctx, domain.LocalUser, id, 11, money.FromFen(-12345)); err != nil {
			return err
		}
		return tx.SaveProjectSpending(ctx, domain.LocalUser, other, 1, money.FromYuan(1))
	})
	if err != nil {
		t.Fatal(err)
	}
	vs, err := s.TargetValues(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 3 {
		t.Fatalf("2025 values = %+v, want 3", vs)
	}
	if v := vs[1]; v.Position != 1 || v.Month != 6 || v.Value != "3" || v.Note != "补报" || v.RecordedBy != "local" || v.RecordedAt.IsZero() {
		t.Errorf("replaced value = %+v", v)
	}
	sp, err := s.ProjectSpending(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(sp) != 2 || sp[0].Month != 5 || sp[0].Amount != money.FromYuan(550000) || sp[1].Amount != -12345 {
		t.Errorf("2025 spending = %+v", sp)
	}
	if err := s.DeleteTargetValue(ctx, id, 2, 6); err != nil {
		t.Fatal(err)
	}
	if vs, _ = s.TargetValues(ctx, 2025); len(vs) != 2 {
		t.Errorf("after delete: %+v", vs)
	}
	// Deleting the project takes its values and spending with it.
	if err := s.DeleteProject(ctx, id); err != nil {
		t.Fatal(err)
	}
	vs, _ = s.TargetValues(ctx, 2025)
	sp, _ = s.ProjectSpending(ctx, 2025)
	if len(vs) != 0 || len(sp) != 0 {
		t.Errorf("after deleting the project: %d values, %d spending rows", len(vs), len(sp))
	}
}

func TestTargetValueChecks(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	id := progressProject(t, s, 2025, "设备更新")
	for _, v := range []TargetValue{
		{ProjectID: id, Position: 1, Month: 13, Value: "1"},
		{ProjectID: id, Position: 0, Month: 1, Value: "1"},
		{ProjectID: id + 99, Position: 1, Month: 1, Value: "1"},
	} {
		err := s.InTx(ctx, func(tx *Tx) error { return tx.SaveTargetValue(ctx, domain.LocalUser, v) })
		if err == nil {
			t.Errorf("%+v was stored", v)
		}
	}
	if err := s.InTx(ctx, func(tx *Tx) error { return tx.SaveProjectSpending(ctx, domain.LocalUser, id, 0, 1) }); err == nil {
		t.Error("spending in month 0 was stored")
	}
}
