package money

import "fmt"

// Unit is the unit a figure is expressed in. Chinese budget tables are
// usually kept in 万元 or 千元 while accounting works in 元, so every parse
// and display of a figure must say which one it means.
type Unit int

// The units used in hospital budget reports. Yuan is the zero value so an
// unset Unit means plain yuan.
const (
	Yuan        Unit = iota // 元
	Thousand                // 千元
	TenThousand             // 万元
)

// Valid reports whether u is one of the defined units.
func (u Unit) Valid() bool { return u >= Yuan && u <= TenThousand }

// Scale returns how many yuan one u is: 1, 1000 or 10000. It panics for an
// undefined Unit, which can only come from a programming error.
func (u Unit) Scale() int64 {
	switch u {
	case Yuan:
		return 1
	case Thousand:
		return 1000
	case TenThousand:
		return 10000
	}
	panic(fmt.Sprintf("money: invalid %v", u))
}

// exp10 is Scale as a power of ten. All units are powers of ten, which lets
// parsing and formatting shift a decimal point instead of multiplying.
func (u Unit) exp10() int {
	switch u {
	case Yuan:
		return 0
	case Thousand:
		return 3
	case TenThousand:
		return 4
	}
	panic(fmt.Sprintf("money: invalid %v", u))
}

// String returns the Chinese label used in table headers and suffixes:
// 元, 千元 or 万元.
func (u Unit) String() string {
	switch u {
	case Yuan:
		return "元"
	case Thousand:
		return "千元"
	case TenThousand:
		return "万元"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}
