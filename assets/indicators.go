package assets

import (
	"embed"
	"io/fs"
	"path"
)

// indicatorFS holds the indicator-library templates (one CSV per scheme; see
// README.md, "Indicator templates"). Kept in its own file so that the templates
// can grow without touching assets.go.
//
//go:embed indicators/*.csv
var indicatorFS embed.FS

// IndicatorTemplates returns the indicator-library template CSVs keyed by file
// name (e.g. "mch-public-welfare.csv"). embed.FS copies the data on every
// read, so the map and its slices belong to the caller.
func IndicatorTemplates() map[string][]byte {
	entries, err := fs.ReadDir(indicatorFS, "indicators")
	if err != nil {
		// The directory is embedded at build time, so this cannot happen
		// in a binary that compiled; an empty map is the honest answer.
		return map[string][]byte{}
	}
	out := make(map[string][]byte, len(entries))
	for _, e := range entries {
		b, err := indicatorFS.ReadFile(path.Join("indicators", e.Name()))
		if err != nil {
			continue
		}
		out[e.Name()] = b
	}
	return out
}
