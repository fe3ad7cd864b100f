package bonus_test

import (
	"context"
	"testing"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// The ±5-point statement: read off the sensitivity curve or computed from
// the scores, it is the same; what moves is half the absolute changes.
func TestWelfareShift(t *testing.T) {
	svc := demo(t)
	ctx := context.Background()
	res, err := svc.Bonus.Compute(ctx, domain.LocalUser, 2026, money.FromFen(1000000001), nil)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := bonus.WelfareShift(res)
	if err != nil {
		t.Fatal(err)
	}
	if sh.Weight != 0.15 || sh.Down != 0.10 || sh.Up != 0.20 || sh.BelowFloor {
		t.Fatalf("shift %+v", sh)
	}
	var moved money.Amount
	for _, d := range res.Departments {
		moved += (res.Sensitivity[d.Code][4] - res.Sensitivity[d.Code][3]).Abs() // 20% against 15%
	}
	if sh.MovedUp != moved/2 || sh.MovedUp <= 0 || sh.Gain <= 0 || sh.Loss >= 0 || sh.Gainer.Code == "" {
		t.Errorf("moved %v, want %v; gain %v %s, loss %v", sh.MovedUp, moved/2, sh.Gain, sh.Gainer.Code, sh.Loss)
	}
	computed := res
	computed.Steps, computed.Sensitivity = nil, nil
	again, err := bonus.WelfareShift(computed)
	if err != nil || again.MovedUp != sh.MovedUp || again.MovedDown != sh.MovedDown || again.Gain != sh.Gain || again.Loss != sh.Loss || again.Gainer.Code != sh.Gainer.Code {
		t.Errorf("computed from the scores: %+v, from the curve %+v (%v)", again, sh, err)
	}
	res.Floor = 0.12
	if sh, _ := bonus.WelfareShift(res); !sh.BelowFloor {
		t.Error("10% is below a floor of 12%")
	}
}
