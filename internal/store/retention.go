package store

import (
	"sort"
	"strconv"
	"time"
)

// Retention says which automatic backups stay: the newest of each of the
// last Daily days, Weekly ISO weeks and Monthly months that have a backup,
// then, oldest first, as many dropped as the total size needs to be within
// MaxBytes. The newest backup and the newest upgrade backup (the way back
// from a schema change) are kept by the counts; the newest always stays,
// whatever its size.
type Retention struct {
	Daily, Weekly, Monthly int
	MaxBytes               int64
}

// DefaultRetention is the retention while Settings says nothing else.
var DefaultRetention = Retention{Daily: 7, Weekly: 4, Monthly: 12, MaxBytes: 2 << 30}

// Retain splits the automatic backups list into those r keeps and those it
// drops, both newest first. It reads no files: the times and sizes are
// those in list.
func Retain(list []AutoBackup, r Retention) (keep, drop []AutoBackup) {
	sorted := append([]AutoBackup(nil), list...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].Taken.Equal(sorted[j].Taken) {
			return sorted[i].Taken.After(sorted[j].Taken)
		}
		return sorted[i].Path > sorted[j].Path
	})
	if len(sorted) == 0 {
		return nil, nil
	}
	kept := map[int]bool{0: true}
	for i, b := range sorted {
		if b.Reason == ReasonUpgrade {
			kept[i] = true
			break
		}
	}
	periods := []struct {
		n   int
		key func(time.Time) string
	}{
		{r.Daily, func(t time.Time) string { return t.Format("2006-01-02") }},
		{r.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return strconv.Itoa(y) + "W" + strconv.Itoa(w) }},
		{r.Monthly, func(t time.Time) string { return t.Format("2006-01") }},
	}
	for _, p := range periods {
		seen := map[string]bool{}
		for i, b := range sorted {
			k := p.key(b.Taken)
			if seen[k] {
				continue
			}
			if len(seen) == p.n {
				break
			}
			seen[k] = true
			kept[i] = true
		}
	}
	var total int64
	for i := range sorted {
		if kept[i] {
			total += sorted[i].Size
		}
	}
	for i := len(sorted) - 1; i > 0 && total > r.MaxBytes; i-- {
		if kept[i] {
			kept[i] = false
			total -= sorted[i].Size
		}
	}
	for i, b := range sorted {
		if kept[i] {
			keep = append(keep, b)
		} else {
			drop = append(drop, b)
		}
	}
	return keep, drop
}
