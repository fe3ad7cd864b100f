package store

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

func TestAssessmentValuesRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	f := func(x float64) *float64 { return &x }
	vals := []AssessmentValue{
		{Year: 2019, Assessment: "二级", Seq: 1, Name: "出院患者手术占比", Value: f(0.25), Numerator: f(250), Denominator: f(1000), Source: "a.xlsx 医院!A5"},
		{Year: 2020, Assessment: "二级", Seq: 1, Name: "出院患者手术占比", Value: f(0.3), Source: "a.xlsx 医院!A5"},
	}
	for _, v := range vals {
		if err := s.SaveAssessmentValue(ctx, domain.LocalUser, v); err != nil {
			t.Fatal(err)
		}
	}
	// Importing again replaces rather than duplicates.
	vals[1].Value = f(0.31)
	if err := s.SaveAssessmentValue(ctx, domain.LocalUser, vals[1]); err != nil {
		t.Fatal(err)
	}
	all, err := s.AssessmentValues(ctx, 0)
	if err != nil || len(all) != 2 {
		t.Fatalf("%+v %v", all, err)
	}
	if *all[0].Numerator != 250 || *all[0].Denominator != 1000 || *all[1].Value != 0.31 || all[1].Numerator != nil {
		t.Errorf("%+v", all)
	}
	y, _ := s.AssessmentValues(ctx, 2020)
	if len(y) != 1 || y[0].Year != 2020 {
		t.Errorf("2020: %+v", y)
	}
}
