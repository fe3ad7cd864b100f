package money_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

type parseCase struct {
	name    string
	in      string
	unit    money.Unit
	fen     int64
	rounded bool
	exact   string // checked when not empty
	blank   bool
	reason  string // expected ParseError reason; empty for success
}

// parseCases is shared with FuzzParse as its seed corpus.
var parseCases = []parseCase{
	// Plain numbers and units.
	{name: "plain", in: "1234.56", fen: 123456, exact: "1234.56"},
	{name: "integer", in: "1234", fen: 123400, exact: "1234"},
	{name: "one decimal", in: "0.1", fen: 10, exact: "0.1"},
	{name: "leading dot", in: ".5", fen: 50},
	{name: "trailing dot", in: "5.", fen: 500},
	{name: "leading zeros", in: "007.50", fen: 750, exact: "7.5"},
	{name: "zero", in: "0", fen: 0, exact: "0"},
	{name: "zero decimals", in: "0.00", fen: 0, exact: "0"},
	{name: "minus zero", in: "-0", fen: 0, exact: "0"},
	{name: "thousand unit", in: "1234.56", unit: money.Thousand, fen: 123456000, exact: "1234560"},
	{name: "ten thousand unit", in: "245.75", unit: money.TenThousand, fen: 245750000, exact: "2457500"},
	{name: "ten thousand unit small", in: "0.00005", unit: money.TenThousand, fen: 50, exact: "0.5"},

	// Thousands separators.
	{name: "separators", in: "1,234,567.89", fen: 123456789},
	{name: "one separator", in: "1,234", fen: 123400},
	{name: "separators in wan", in: "1,234.5678", unit: money.TenThousand, fen: 1234567800},
	{name: "full-width comma separator", in: "1，234，567.89", fen: 123456789},

	// Spaces.
	{name: "ascii spaces", in: "  1234  ", fen: 123400},
	{name: "tab and newline", in: "\t1234\r\n", fen: 123400},
	{name: "ideographic space", in: "\u30001,234.50\u3000", fen: 123450},
	{name: "nbsp", in: "\u00a01,234.50\u00a0", fen: 123450},
	{name: "zero width space and bom", in: "\ufeff1234\u200b", fen: 123400},

	// Full-width forms.
	{name: "full-width digits", in: "１２３４．５６", fen: 123456},
	{name: "full-width with comma", in: "１，２３４．５６", fen: 123456},
	{name: "full-width parentheses", in: "（１２３）", fen: -12300},
	{name: "full-width minus", in: "－１２３", fen: -12300},

	// Negatives.
	{name: "minus", in: "-1,234", fen: -123400, exact: "-1234"},
	{name: "unicode minus", in: "\u22121234", fen: -123400},
	{name: "en dash minus", in: "–1234", fen: -123400},
	{name: "minus then space", in: "- 1234", fen: -123400},
	{name: "plus", in: "+1234", fen: 123400},
	{name: "parentheses", in: "(1,234.00)", fen: -123400},
	{name: "full-width parentheses separators", in: "（1,234.00）", fen: -123400},
	{name: "parentheses with spaces", in: "( 1,234.00 )", fen: -123400},

	// Blank and placeholders.
	{name: "empty", in: "", blank: true, exact: "0"},
	{name: "spaces only", in: "   ", blank: true},
	{name: "ideographic space only", in: "\u3000", blank: true},
	{name: "hyphen", in: "-", blank: true},
	{name: "em dash", in: "—", blank: true},
	{name: "en dash", in: "–", blank: true},
	{name: "double hyphen", in: "--", blank: true},
	{name: "double em dash", in: "——", blank: true},
	{name: "full-width hyphen", in: "－", blank: true},
	{name: "hyphen in spaces", in: " - ", blank: true},
	{name: "accounting zero", in: "¥ -", blank: true},

	// Currency prefixes and unit suffixes.
	{name: "yen", in: "¥1,234.56", fen: 123456},
	{name: "full-width yen", in: "￥1,234.56", fen: 123456},
	{name: "yen space", in: "¥ 1,234.56", fen: 123456},
	{name: "RMB", in: "RMB 1,234.56", fen: 123456},
	{name: "rmb lower", in: "rmb1234.56", fen: 123456},
	{name: "CNY", in: "CNY 1234.56", fen: 123456},
	{name: "minus yen", in: "-¥1,234.56", fen: -123456},
	{name: "yen minus", in: "¥-1,234.56", fen: -123456},
	{name: "parenthesised yen", in: "(¥1,234.56)", fen: -123456},
	{name: "yen parentheses", in: "¥(1,234.56)", fen: -123456},
	{name: "yuan suffix overrides unit", in: "1,234.56元", unit: money.TenThousand, fen: 123456},
	{name: "wan suffix", in: "245.75万元", fen: 245750000},
	{name: "wan suffix with space", in: "1.5 万元", fen: 1500000},
	{name: "qian suffix", in: "12千元", unit: money.TenThousand, fen: 1200000},
	{name: "bare wan", in: "12万", fen: 12000000},
	{name: "bare qian", in: "3千", fen: 300000},
	{name: "renminbi and yuan", in: "人民币1,234.56元", fen: 123456},
	{name: "negative with suffix", in: "-5万元", fen: -5000000},
	{name: "parentheses then suffix", in: "(1,234)元", fen: -123400},
	{name: "suffix inside parentheses", in: "(1,234元)", fen: -123400},
	{name: "full-width wan", in: "２４５．７５万元", fen: 245750000},

	// Float artefacts and rounding.
	{name: "float artefact wan", in: "245.75299999999999", unit: money.TenThousand, fen: 245753000, rounded: true, exact: "2457529.9999999999"},
	{name: "float artefact wan suffix", in: "245.75299999999999万元", fen: 245753000, rounded: true},
	{name: "float artefact yuan", in: "1234567.8899999999", fen: 123456789, rounded: true},
	{name: "float artefact up", in: "0.30000000000000004", fen: 30, rounded: true},
	{name: "half up", in: "0.005", fen: 1, rounded: true, exact: "0.005"},
	{name: "half down negative", in: "-0.005", fen: -1, rounded: true, exact: "-0.005"},
	{name: "below half", in: "0.0049", fen: 0, rounded: true, exact: "0.0049"},
	{name: "below half negative", in: "-0.0049", fen: 0, rounded: true, exact: "-0.0049"},
	{name: "half not to even", in: "0.025", fen: 3, rounded: true},
	{name: "half not to even negative", in: "-0.025", fen: -3, rounded: true},
	{name: "just below half", in: "1.234999", fen: 123, rounded: true},
	{name: "half fen in wan", in: "0.0000005", unit: money.TenThousand, fen: 1, rounded: true},
	{name: "exact trailing zeros not rounded", in: "1.2300000", fen: 123, exact: "1.23"},

	// Scientific notation.
	{name: "sci upper", in: "1.2345E+5", fen: 12345000, exact: "123450"},
	{name: "sci padded exponent", in: "1.2345E+05", fen: 12345000},
	{name: "sci lower negative exponent", in: "2.5e-3", fen: 0, rounded: true, exact: "0.0025"},
	{name: "sci negative exponent rounds up", in: "6e-3", fen: 1, rounded: true},
	{name: "sci no sign", in: "1E2", fen: 10000},
	{name: "sci negative value", in: "-1.5e3", fen: -150000},
	{name: "sci wan", in: "1.2345E+5", unit: money.TenThousand, fen: 123450000000},
	{name: "sci wan small", in: "2.5e-3", unit: money.TenThousand, fen: 2500, exact: "25"},
	{name: "sci zero huge exponent", in: "0e999999", fen: 0, exact: "0"},

	// Range.
	{name: "max", in: "92233720368547758.07", fen: math.MaxInt64},
	{name: "max grouped", in: "92,233,720,368,547,758.07", fen: math.MaxInt64},
	{name: "min", in: "-92233720368547758.08", fen: math.MinInt64},
	{name: "max in wan", in: "9223372036854.7758", unit: money.TenThousand, fen: 9223372036854775800},
	{name: "max by rounding", in: "92233720368547758.074", fen: math.MaxInt64, rounded: true},
	{name: "above max", in: "92233720368547758.08", reason: money.ReasonTooLarge},
	{name: "above max by rounding", in: "92233720368547758.075", reason: money.ReasonTooLarge},
	{name: "below min", in: "-92233720368547758.09", reason: money.ReasonTooLarge},
	{name: "above max in wan", in: "9223372036854.7759", unit: money.TenThousand, reason: money.ReasonTooLarge},
	{name: "many digits", in: "99999999999999999999999", reason: money.ReasonTooLarge},
	{name: "sci too large", in: "1e17", reason: money.ReasonTooLarge},
	{name: "sci huge exponent", in: "1e1001", reason: money.ReasonExponentRange},
	{name: "sci tiny exponent", in: "1e-1001", reason: money.ReasonExponentRange},

	// Rejected text.
	{name: "garbage in digits", in: "12,3x4.00", reason: money.ReasonNotANumber},
	{name: "two points", in: "1.2.3", reason: money.ReasonMisplacedSeparator},
	{name: "letters", in: "abc", reason: money.ReasonNotANumber},
	{name: "short group", in: "12,34", reason: money.ReasonMisplacedSeparator},
	{name: "decimal comma", in: "1,23", reason: money.ReasonMisplacedSeparator},
	{name: "long first group", in: "1234,567", reason: money.ReasonMisplacedSeparator},
	{name: "long group", in: "1,2345", reason: money.ReasonMisplacedSeparator},
	{name: "leading comma", in: ",123", reason: money.ReasonMisplacedSeparator},
	{name: "double comma", in: "1,,234", reason: money.ReasonMisplacedSeparator},
	{name: "trailing comma", in: "1,234,", reason: money.ReasonMisplacedSeparator},
	{name: "zero first group", in: "0,123", reason: money.ReasonMisplacedSeparator},
	{name: "european", in: "1.234,56", reason: money.ReasonMisplacedSeparator},
	{name: "comma in fraction", in: "1,234.5,6", reason: money.ReasonMisplacedSeparator},
	{name: "percent", in: "12%", reason: money.ReasonPercent},
	{name: "full-width percent", in: "12.5％", reason: money.ReasonPercent},
	{name: "negative percent", in: "-5%", reason: money.ReasonPercent},
	{name: "per mille", in: "5‰", reason: money.ReasonPercent},
	{name: "spreadsheet NA", in: "#N/A", reason: money.ReasonSpreadsheetError},
	{name: "spreadsheet div0", in: "#DIV/0!", reason: money.ReasonSpreadsheetError},
	{name: "minus in parentheses", in: "(-5)", reason: money.ReasonMisplacedSign},
	{name: "minus before parentheses", in: "-(5)", reason: money.ReasonMisplacedSign},
	{name: "double minus", in: "--5", reason: money.ReasonMisplacedSign},
	{name: "unclosed parenthesis", in: "(5", reason: money.ReasonMisplacedSign},
	{name: "unopened parenthesis", in: "5)", reason: money.ReasonMisplacedSign},
	{name: "trailing minus", in: "5-", reason: money.ReasonMisplacedSign},
	{name: "range", in: "1-2", reason: money.ReasonMisplacedSign},
	{name: "exponent only", in: "e5", reason: money.ReasonNotANumber},
	{name: "exponent without digits", in: "1e", reason: money.ReasonNotANumber},
	{name: "exponent sign only", in: "1e+", reason: money.ReasonNotANumber},
	{name: "point only", in: ".", reason: money.ReasonNotANumber},
	{name: "yen only", in: "¥", reason: money.ReasonNotANumber},
	{name: "unit only", in: "元", reason: money.ReasonNotANumber},
	{name: "dollar", in: "$5", reason: money.ReasonNotANumber},
	{name: "space separator", in: "1 234", reason: money.ReasonNotANumber},
	{name: "NaN", in: "NaN", reason: money.ReasonNotANumber},
	{name: "Inf", in: "Inf", reason: money.ReasonNotANumber},
	{name: "hex", in: "0x10", reason: money.ReasonNotANumber},
	{name: "Chinese numeral", in: "五", reason: money.ReasonNotANumber},
	{name: "unsupported unit", in: "1亿元", reason: money.ReasonNotANumber},
	{name: "two units", in: "5万元元", reason: money.ReasonNotANumber},
	{name: "ideographic full stop", in: "12。5", reason: money.ReasonNotANumber},
	{name: "invalid utf8", in: "12\xff", reason: money.ReasonNotANumber},
	{name: "invalid unit", in: "1", unit: money.Unit(7), reason: money.ReasonInvalidUnit},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := money.Parse(c.in, c.unit)
			if c.reason != "" {
				var pe *money.ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("Parse(%q) = %+v, %v; want ParseError %s", c.in, got, err, c.reason)
				}
				if pe.Reason != c.reason || pe.Input != c.in {
					t.Fatalf("Parse(%q) error = %+v; want reason %s", c.in, pe, c.reason)
				}
				if !strings.Contains(err.Error(), strconv.Quote(c.in)) {
					t.Errorf("error %q does not quote the input %q", err, c.in)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", c.in, err)
			}
			if got.Amount.Fen() != c.fen || got.Rounded != c.rounded || got.Blank != c.blank {
				t.Errorf("Parse(%q, %v) = %d fen rounded=%v blank=%v; want %d fen rounded=%v blank=%v",
					c.in, c.unit, got.Amount.Fen(), got.Rounded, got.Blank, c.fen, c.rounded, c.blank)
			}
			if c.exact != "" && got.Exact != c.exact {
				t.Errorf("Parse(%q).Exact = %q; want %q", c.in, got.Exact, c.exact)
			}
		})
	}
}

func TestParseErrorText(t *testing.T) {
	_, err := money.Parse("12,3x4.00", money.Yuan)
	if err == nil || err.Error() != `"12,3x4.00" is not an amount` {
		t.Errorf("error = %v", err)
	}
	_, err = money.Parse("12%", money.Yuan)
	if err == nil || err.Error() != `"12%" is not an amount (it is a percentage)` {
		t.Errorf("error = %v", err)
	}
	long := strings.Repeat("x", 100)
	_, err = money.Parse(long, money.Yuan)
	if err == nil || len(err.Error()) > 80 || !strings.Contains(err.Error(), "…") {
		t.Errorf("long input error = %v; want it shortened", err)
	}
}

func TestParseUnitReported(t *testing.T) {
	for _, c := range []struct {
		in   string
		arg  money.Unit
		want money.Unit
	}{
		{"1", money.Thousand, money.Thousand},
		{"1万元", money.Yuan, money.TenThousand},
		{"1元", money.TenThousand, money.Yuan},
		{"", money.TenThousand, money.TenThousand},
	} {
		got, err := money.Parse(c.in, c.arg)
		if err != nil || got.Unit != c.want {
			t.Errorf("Parse(%q, %v).Unit = %v, %v; want %v", c.in, c.arg, got.Unit, err, c.want)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{"1,234,567.89", "245.75299999999999"} {
		b.Run(in, func(b *testing.B) {
			for b.Loop() {
				if _, err := money.Parse(in, money.TenThousand); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
