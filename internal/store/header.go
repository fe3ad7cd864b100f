package store

import (
	"encoding/binary"
	"io"
	"os"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// checkHeader is the check Open runs on an existing file: it reads the
// 100-byte SQLite header and nothing else, so its cost does not grow with
// the data. It refuses a file that is not SQLite, carries another
// program's application_id, has an impossible page size, or is shorter
// than the pages its header counts (a truncated copy). Damage inside the
// pages is found by the full integrity_check of the daily automatic
// backup and of a restore.
func checkHeader(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return notADatabase(path, err)
	}
	defer f.Close()
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil {
		return notADatabase(path, errShortHeader)
	}
	return headerProblem(path, h, size, walInUse(path))
}

// headerProblem judges the header h of the file at path of size bytes;
// wal says a -wal file with content lies beside it.
func headerProblem(path string, h []byte, size int64, wal bool) error {
	if string(h[:16]) != "SQLite format 3\x00" {
		return notADatabase(path, errNoHeader)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return domain.NewProblem("problem.db.page_size", "The database {{.Path}} is damaged: its header gives an impossible page size, {{.PageSize}}. Restore it from a backup; BudgetPerf has not changed it.",
			"Path", path, "PageSize", pageSize)
	}
	if id := binary.BigEndian.Uint32(h[68:72]); id != 0 && id != AppID {
		return domain.NewProblem("problem.db.foreign", "{{.Path}} is an SQLite file of another program, not a BudgetPerf database. Choose another file; it has not been changed.", "Path", path)
	}
	// The page count is valid when the change counter equals the
	// version-valid-for number. A checkpoint interrupted before the file
	// grew is finished from the -wal file, so only a file without one is
	// held to it.
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96])
	if valid && !wal && size < pages*pageSize {
		return domain.NewProblem("problem.db.truncated", "The database {{.Path}} is damaged: the file holds {{.Size}} bytes, fewer than the {{.Pages}} pages of {{.PageSize}} bytes its header counts (often a copy or download that did not finish). Restore it from a backup; BudgetPerf has not changed it.",
			"Path", path, "Size", size, "Pages", pages, "PageSize", pageSize)
	}
	return nil
}

func walInUse(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Size() > 0
}

func damaged(path, detail string) error {
	return domain.NewProblem("problem.db.damaged", "The database {{.Path}} is damaged ({{.Detail}}). Restore it from a backup; BudgetPerf has not changed it.", "Path", path, "Detail", detail)
}
