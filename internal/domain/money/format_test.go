package money_test

import (
	"math"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestFormat(t *testing.T) {
	for _, c := range []struct {
		fen                int64
		str, format, plain string
	}{
		{0, "0.00", "¥0.00", "0.00"},
		{5, "0.05", "¥0.05", "0.05"},
		{-5, "-0.05", "-¥0.05", "-0.05"},
		{100, "1.00", "¥1.00", "1.00"},
		{99999, "999.99", "¥999.99", "999.99"},
		{100000, "1000.00", "¥1,000.00", "1,000.00"},
		{-123456, "-1234.56", "-¥1,234.56", "-1,234.56"},
		{123456789, "1234567.89", "¥1,234,567.89", "1,234,567.89"},
		{100000000000, "1000000000.00", "¥1,000,000,000.00", "1,000,000,000.00"},
		{math.MaxInt64, "92233720368547758.07", "¥92,233,720,368,547,758.07", "92,233,720,368,547,758.07"},
		{math.MinInt64, "-92233720368547758.08", "-¥92,233,720,368,547,758.08", "-92,233,720,368,547,758.08"},
	} {
		a := money.FromFen(c.fen)
		if got := a.String(); got != c.str {
			t.Errorf("String(%d) = %q; want %q", c.fen, got, c.str)
		}
		if got := money.Format(a); got != c.format {
			t.Errorf("Format(%d) = %q; want %q", c.fen, got, c.format)
		}
		if got := money.FormatPlain(a); got != c.plain {
			t.Errorf("FormatPlain(%d) = %q; want %q", c.fen, got, c.plain)
		}
	}
}

func TestFormatIn(t *testing.T) {
	for _, c := range []struct {
		fen      int64
		unit     money.Unit
		decimals int
		want     string
	}{
		{1234567800, money.TenThousand, 2, "1,234.57"},
		{1234567800, money.Thousand, 2, "12,345.68"},
		{1234567800, money.Yuan, 0, "12,345,678"},
		{1234567800, money.Yuan, 2, "12,345,678.00"},
		{1234567800, money.TenThousand, 6, "1,234.567800"},
		{50, money.Yuan, 0, "1"},   // half away from zero
		{-50, money.Yuan, 0, "-1"}, // half away from zero
		{49, money.Yuan, 0, "0"},   // below half
		{-49, money.Yuan, 0, "0"},  // no "-0"
		{-1, money.TenThousand, 2, "0.00"},
		{1, money.TenThousand, 6, "0.000001"},
		{1, money.TenThousand, 8, "0.00000100"},
		{123456, money.Yuan, -1, "1,235"}, // negative decimals count as 0
		{500000, money.TenThousand, 0, "1"},
		{math.MaxInt64, money.TenThousand, 2, "9,223,372,036,854.78"},
		{math.MinInt64, money.TenThousand, 0, "-9,223,372,036,855"},
		{math.MaxInt64, money.Yuan, 0, "92,233,720,368,547,758"},
		{math.MinInt64, money.Thousand, 4, "-92,233,720,368,547.7581"},
	} {
		if got := money.FormatIn(money.FromFen(c.fen), c.unit, c.decimals); got != c.want {
			t.Errorf("FormatIn(%d, %v, %d) = %q; want %q", c.fen, c.unit, c.decimals, got, c.want)
		}
	}
}

func TestFormatWanAndUnit(t *testing.T) {
	for _, c := range []struct {
		fen  int64
		want string
	}{
		{123456000, "123.46万元"},
		{123455000, "123.46万元"}, // 123.455 rounds away from zero
		{-123455000, "-123.46万元"},
		{1234560, "1.23万元"},
		{0, "0.00万元"},
		{-1, "0.00万元"},
		{1234567800000, "1,234,567.80万元"},
	} {
		if got := money.FormatWan(money.FromFen(c.fen)); got != c.want {
			t.Errorf("FormatWan(%d) = %q; want %q", c.fen, got, c.want)
		}
	}
	if got := money.FormatUnit(money.FromFen(123456), money.Yuan, 2); got != "1,234.56元" {
		t.Errorf("FormatUnit yuan = %q", got)
	}
	if got := money.FormatUnit(money.FromFen(123456000), money.Thousand, 1); got != "1,234.6千元" {
		t.Errorf("FormatUnit thousand = %q", got)
	}
}
