package xlsxcells

import "strings"

// formatKind says how number format id shows a number: Date, Percent or
// Plain. custom holds the workbook's own formats (<numFmts>), which take
// precedence over the built-in ids.
func formatKind(id int, custom map[int]string) Kind {
	if code, ok := custom[id]; ok {
		return codeKind(code)
	}
	switch {
	case id >= 14 && id <= 22, id >= 45 && id <= 47:
		return Date
	case id >= 27 && id <= 36, id >= 50 && id <= 58:
		return Date // the East Asian built-ins (yyyy"年"m"月"d"日" …), as a Chinese Excel writes them
	case id == 9 || id == 10:
		return Percent
	}
	return Plain
}

// codeKind reads a format code: a date when it has y, m, d, h or s outside
// quoted text, [brackets] (colours, locales, elapsed-time marks) and escaped
// characters; a percentage when it has % there.
func codeKind(code string) Kind {
	pct := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '[':
			if j := strings.IndexByte(code[i+1:], ']'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++ // the next character is literal, a width or a fill
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return Date
		case '%':
			pct = true
		}
	}
	if pct {
		return Percent
	}
	return Plain
}
