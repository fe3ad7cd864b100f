package textsheet

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/domain"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names as reported in Book.Encoding and accepted as overrides.
const (
	UTF8    = "utf-8"
	GB18030 = "gb18030"
	UTF16LE = "utf-16le"
	UTF16BE = "utf-16be"
)

// Encodings are the choices offered for overriding detection, "" meaning
// detect.
var Encodings = []string{"", UTF8, GB18030, UTF16LE, UTF16BE}

// NormalizeEncoding maps the names people and meta tags use to one of
// Encodings; GBK and GB2312 are read as GB18030, their superset.
func NormalizeEncoding(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.NewReplacer("_", "-", " ", "").Replace(n)
	switch n {
	case "", "auto":
		return "", true
	case "utf-8", "utf8":
		return UTF8, true
	case "gb18030", "gbk", "gb2312", "cp936", "ms936", "windows-936", "x-gbk", "euc-cn", "gb-2312", "hz-gb-2312":
		return GB18030, true
	case "utf-16le", "utf16le", "utf-16", "ucs-2":
		return UTF16LE, true
	case "utf-16be", "utf16be":
		return UTF16BE, true
	}
	return "", false
}

// bomOf returns the encoding a byte-order mark names and its length.
func bomOf(b []byte) (string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8, 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return UTF16LE, 2
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return UTF16BE, 2
	case bytes.HasPrefix(b, []byte{0x84, 0x31, 0x95, 0x33}):
		return GB18030, 4
	}
	return "", 0
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// detect picks the encoding of data: the byte-order mark, else (HTML) the
// meta charset, else UTF-8 when data is valid UTF-8, else GB18030, which is
// what Chinese Windows software writes. A meta charset the bytes contradict
// (UTF-8 claimed, invalid; GB claimed, valid multi-byte UTF-8) loses to the
// bytes: exports are often built from a template whose meta tag is stale.
func detect(data []byte, html bool) string {
	if enc, _ := bomOf(data); enc != "" {
		return enc
	}
	valid := utf8.Valid(data)
	if html {
		if m := metaCharset.FindSubmatch(data[:min(len(data), 64<<10)]); m != nil {
			if enc, ok := NormalizeEncoding(string(m[1])); ok && enc != "" {
				switch {
				case enc == UTF8 && !valid:
					return GB18030
				case enc == GB18030 && valid && hasNonASCII(data):
					return UTF8
				}
				return enc
			}
		}
	}
	if valid {
		return UTF8
	}
	return GB18030
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// decode turns data into UTF-8 text in the given encoding (detected when
// ""), dropping a byte-order mark.
func decode(data []byte, encoding string, html bool, file string) (string, string, error) {
	enc, ok := NormalizeEncoding(encoding)
	if !ok {
		return "", "", UnknownEncoding(encoding)
	}
	if enc == "" {
		enc = detect(data, html)
	}
	if bom, n := bomOf(data); bom == enc {
		data = data[n:]
	}
	switch enc {
	case UTF8:
		if !utf8.Valid(data) {
			off := invalidUTF8At(data)
			return "", "", domain.Problems{domain.NewProblem("import.text_not_utf8",
				"{{.File}} is not UTF-8 text (byte {{.Offset}} is not UTF-8): import it with the encoding GB18030 (GBK), as Chinese Windows software writes it.",
				"File", file, "Offset", off)}
		}
		return string(data), enc, nil
	case GB18030:
		// Invalid sequences become U+FFFD rather than stopping the read:
		// the cell holding one is then refused where it is used.
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", err
		}
		return string(out), enc, nil
	default:
		return decodeUTF16(data[:len(data)&^1], enc), enc, nil
	}
}

func decodeUTF16(b []byte, enc string) string {
	order := unicode.LittleEndian
	if enc == UTF16BE {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		return ""
	}
	return string(out)
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// UnknownEncoding is the problem of an encoding name that is not offered.
func UnknownEncoding(name string) error {
	return domain.Problems{domain.NewProblem("import.encoding_unknown",
		"The encoding \"{{.Encoding}}\" is not known: give utf-8, gb18030 (also for GBK and GB2312), utf-16le or utf-16be, or none to detect it.",
		"Encoding", name)}
}
