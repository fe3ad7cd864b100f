package workbook

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Excel serials accepted as dates: 1900-01-01 up to 9999-12-31.
const (
	minSerial = 1
	maxSerial = 2958465
)

// ParseDate reads a date cell of a workbook in the 1900 date system.
func ParseDate(s string) (time.Time, bool) { return ParseDateIn(s, false) }

// ParseDateIn reads a ledger date cell as read raw: an Excel serial (45662,
// 45662.5) counted in the workbook's date system (1904: from 1904-01-01,
// as old Mac workbooks do), or text such as 2025-03-05, 2025/3/5,
// 2025年3月5日, 2025.3.5 or 20250305, optionally followed by a time of day.
// The result is the date at midnight UTC; ok is false for anything else.
func ParseDateIn(s string, date1904 bool) (time.Time, bool) {
	t := Clean(s)
	if t == "" {
		return time.Time{}, false
	}
	if AllDigits(t) && len(t) == 8 {
		y, _ := strconv.Atoi(t[:4])
		m, _ := strconv.Atoi(t[4:6])
		d, _ := strconv.Atoi(t[6:])
		if y >= 1900 {
			return mkDate(y, m, d)
		}
	}
	if IsSerial(t) {
		f, _ := strconv.ParseFloat(t, 64)
		if f < minSerial {
			return time.Time{}, false
		}
		tm, ok := SerialDate(t, date1904)
		if !ok {
			return time.Time{}, false
		}
		return mkDate(tm.Year(), int(tm.Month()), tm.Day())
	}
	return ParseDateText(t)
}

// SerialDate reads an Excel serial date in the workbook's date system.
func SerialDate(s string, date1904 bool) (time.Time, bool) {
	f, err := strconv.ParseFloat(Clean(s), 64)
	if err != nil || math.IsNaN(f) || f < 0 || f >= maxSerial+1 {
		return time.Time{}, false
	}
	tm, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil {
		return time.Time{}, false
	}
	return tm, true
}

// ParseDateText reads Y sep M sep D [日] [time], sep one of - / . 年 月.
func ParseDateText(t string) (time.Time, bool) {
	var nums [3]int
	i := 0
	for k := 0; k < 3; k++ {
		j := i
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j == i || j-i > 4 || k > 0 && j-i > 2 || k == 0 && j-i != 4 {
			return time.Time{}, false
		}
		nums[k], _ = strconv.Atoi(t[i:j])
		i = j
		if k == 2 {
			break
		}
		sep := ""
		for _, s := range []string{"-", "/", ".", "年", "月"} {
			if strings.HasPrefix(t[i:], s) {
				sep = s
				break
			}
		}
		if sep == "" || k == 0 && sep == "月" || k == 1 && sep == "年" {
			return time.Time{}, false
		}
		i += len(sep)
		for i < len(t) && t[i] == ' ' {
			i++
		}
	}
	rest := t[i:]
	rest = strings.TrimPrefix(rest, "日")
	rest = strings.TrimPrefix(rest, "号")
	if rest != "" && !isTimeOfDay(rest) {
		return time.Time{}, false
	}
	return mkDate(nums[0], nums[1], nums[2])
}

// isTimeOfDay accepts " 00:00:00", "T08:30", " 8:30:00.000".
func isTimeOfDay(s string) bool {
	if s[0] != ' ' && s[0] != 'T' {
		return false
	}
	s = strings.TrimSpace(s[1:])
	if s == "" {
		return false
	}
	colons := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.':
		case c == ':':
			colons++
		default:
			return false
		}
	}
	return colons >= 1 && colons <= 2
}

func mkDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	tm := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if tm.Day() != d || int(tm.Month()) != m {
		return time.Time{}, false // 2025-02-30
	}
	return tm, true
}

func AllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// IsSerial reports a plain decimal number (digits with at most one point).
func IsSerial(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return s != "" && s[len(s)-1] != '.'
}
