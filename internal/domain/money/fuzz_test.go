package money_test

import (
	"errors"
	"math"
	"math/big"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

var knownReasons = map[string]bool{
	money.ReasonNotANumber: true, money.ReasonPercent: true, money.ReasonTooLarge: true,
	money.ReasonMisplacedSeparator: true, money.ReasonMisplacedSign: true,
	money.ReasonExponentRange: true, money.ReasonSpreadsheetError: true,
	money.ReasonInvalidUnit: true,
}

// FuzzParse checks that Parse never panics, fails only with a known
// ParseError, and that what it returns is self-consistent: Exact re-parses
// to the same amount and rounding, and an unrounded amount survives String.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in, uint8(c.unit))
	}
	f.Fuzz(func(t *testing.T, s string, unit uint8) {
		u := money.Unit(unit % 4) // 3 is invalid on purpose
		res, err := money.Parse(s, u)
		if err != nil {
			var pe *money.ParseError
			if !errors.As(err, &pe) || pe.Input != s || !knownReasons[pe.Reason] {
				t.Fatalf("Parse(%q) error %#v", s, err)
			}
			if err.Error() == "" {
				t.Fatal("empty error text")
			}
			return
		}
		if !res.Unit.Valid() {
			t.Fatalf("Parse(%q) unit %v", s, res.Unit)
		}
		if res.Blank && (res.Amount != 0 || res.Rounded) {
			t.Fatalf("Parse(%q) blank but %+v", s, res)
		}
		again, err := money.Parse(res.Exact, money.Yuan)
		if err != nil || again.Amount != res.Amount || again.Rounded != res.Rounded {
			t.Fatalf("Parse(%q) = %+v but its Exact parses to %+v, %v", s, res, again, err)
		}
		if !res.Rounded {
			back, err := money.Parse(res.Amount.String(), money.Yuan)
			if err != nil || back.Amount != res.Amount || back.Rounded {
				t.Fatalf("Parse(%q) = %+v; String round trip gives %+v, %v", s, res, back, err)
			}
		}
	})
}

// FuzzRoundTrip checks that every formatted form of every amount parses
// back to it exactly.
func FuzzRoundTrip(f *testing.F) {
	for _, fen := range []int64{0, 1, -1, 5, -5, 99, 100, 123456789, -123456, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1} {
		f.Add(fen)
	}
	f.Fuzz(func(t *testing.T, fen int64) {
		a := money.FromFen(fen)
		forms := []struct {
			text string
			unit money.Unit
		}{
			{a.String(), money.Yuan},
			{money.FormatPlain(a), money.Yuan},
			{money.Format(a), money.Yuan},
			{money.FormatIn(a, money.TenThousand, 6), money.TenThousand},
			{money.FormatIn(a, money.Thousand, 5), money.Thousand},
			{money.FormatUnit(a, money.TenThousand, 6), money.Yuan},
			{money.FormatUnit(a, money.Thousand, 7), money.TenThousand},
		}
		for _, form := range forms {
			res, err := money.Parse(form.text, form.unit)
			if err != nil || res.Amount != a || res.Rounded {
				t.Fatalf("Parse(%q, %v) = %+v, %v; want %d fen exactly", form.text, form.unit, res, err, fen)
			}
		}
		if money.FormatIn(a, money.Yuan, 2) != money.FormatPlain(a) {
			t.Fatalf("FormatIn yuan %q != FormatPlain %q", money.FormatIn(a, money.Yuan, 2), money.FormatPlain(a))
		}
		// Rounded display parses back to the amount rounded half away
		// from zero to 0.01 万元 (100 yuan), or is out of range.
		want := new(big.Int).Mul(big.NewInt(money.RoundDiv(fen, 10000)), big.NewInt(10000))
		res, err := money.Parse(money.FormatWan(a), money.Yuan)
		switch {
		case want.IsInt64():
			if err != nil || res.Amount.Fen() != want.Int64() {
				t.Fatalf("Parse(FormatWan(%d)) = %+v, %v; want %s", fen, res, err, want)
			}
		case err == nil:
			t.Fatalf("Parse(FormatWan(%d)) = %+v; want too large", fen, res)
		}
	})
}

// FuzzAllocate checks that parts always sum to the total, are each within
// one fen of the exact share (largest remainder), carry the total's sign,
// and that zero weights get nothing.
func FuzzAllocate(f *testing.F) {
	f.Add(int64(100), []byte{1, 1, 1}, false)
	f.Add(int64(-10000), []byte{7, 11, 13}, false)
	f.Add(int64(math.MaxInt64), []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 0, 0, 0, 0, 0, 0, 0}, true)
	f.Add(int64(math.MinInt64), []byte{0, 5, 0}, false)
	f.Add(int64(5), []byte{0, 0}, false)
	f.Fuzz(func(t *testing.T, total int64, raw []byte, wide bool) {
		var weights []int64
		if wide { // 8 bytes a weight, to reach the 128-bit and big paths
			for i := 0; i+8 <= len(raw); i += 8 {
				var w uint64
				for _, b := range raw[i : i+8] {
					w = w<<8 | uint64(b)
				}
				weights = append(weights, int64(w>>1))
			}
		} else {
			for _, b := range raw {
				weights = append(weights, int64(b))
			}
		}
		parts, err := money.Allocate(money.FromFen(total), weights)
		sumW := new(big.Int)
		for _, w := range weights {
			sumW.Add(sumW, big.NewInt(w))
		}
		if sumW.Sign() == 0 {
			if !errors.Is(err, money.ErrNoWeights) {
				t.Fatalf("Allocate(%d, %v) err = %v; want ErrNoWeights", total, weights, err)
			}
			return
		}
		if err != nil || len(parts) != len(weights) {
			t.Fatalf("Allocate(%d, %v) = %v, %v", total, weights, parts, err)
		}
		sum := new(big.Int)
		bt := big.NewInt(total)
		absT := new(big.Int).Abs(bt)
		for i, p := range parts {
			sum.Add(sum, big.NewInt(p.Fen()))
			if total >= 0 && p < 0 || total <= 0 && p > 0 {
				t.Fatalf("Allocate(%d, %v): part %d = %d has the wrong sign", total, weights, i, p)
			}
			if weights[i] == 0 && p != 0 {
				t.Fatalf("Allocate(%d, %v): zero weight got %d", total, weights, p)
			}
			// floor(|t|·w/W) <= |p| <= floor(|t|·w/W)+1
			floor := new(big.Int).Mul(absT, big.NewInt(weights[i]))
			floor.Quo(floor, sumW)
			absP := new(big.Int).Abs(big.NewInt(p.Fen()))
			if d := new(big.Int).Sub(absP, floor); d.Sign() < 0 || d.Cmp(big.NewInt(1)) > 0 {
				t.Fatalf("Allocate(%d, %v): part %d = %d, exact floor %s", total, weights, i, p, floor)
			}
		}
		if sum.Cmp(bt) != 0 {
			t.Fatalf("Allocate(%d, %v) parts sum to %s", total, weights, sum)
		}
		even := money.AllocateEven(money.FromFen(total), len(weights))
		var evenSum int64
		for _, p := range even {
			evenSum += p.Fen()
		}
		if evenSum != total {
			t.Fatalf("AllocateEven(%d, %d) sums to %d", total, len(weights), evenSum)
		}
	})
}

// FuzzFindUnit checks that unit detection never panics and that a text
// ParseUnit accepts is found with the same unit.
func FuzzFindUnit(f *testing.F) {
	for _, s := range []string{"万元", "（单位：千元）", "编制单位：某某医院 金额单位:万元", "Unit: 10,000 yuan", "RMB'000", "预算数(万元)(元)", "100万元以上"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		pu, pok := money.ParseUnit(s)
		fu, fok := money.FindUnit(s)
		if pok && (!fok || fu != pu) {
			t.Fatalf("ParseUnit(%q) = %v but FindUnit = %v, %v", s, pu, fu, fok)
		}
		if fok && !fu.Valid() || pok && !pu.Valid() {
			t.Fatalf("invalid unit for %q", s)
		}
	})
}
