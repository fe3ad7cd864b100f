// Package workbook is the reading machinery every workbook import shares:
// a sheet read into memory as a Grid (cells, merged ranges, the cells that
// are not plain text), opening a file of any supported kind (.xlsx through
// the cell stream in xlsxcells, with excelize as fallback; legacy .xls
// through xlsbiff; CSV and HTML exports through textsheet), dates in both
// date systems, the search for a header row, and the problems of a file or
// sheet that cannot be read; and, for the workbooks written, saving whole or
// not at all (Save, through atomicfile) with the audit trail's head at the
// foot of every page (Stamp). It knows no format: the budget, ledger,
// staff, value and assessment readers (internal/xlsximport) and the
// services that own them (and their exports) build on it. It imports only
// the rules (domain), atomicfile and its own subpackages.
package workbook
