#!/usr/bin/python3
# Makes the variants of the real county-hospital revenue workbook
# (../county_hospital_department_revenue_2020.xlsx, MIT, see
# ../LICENSE-hqcoffee.txt) that revenue_family_test.go reads: group headers
# removed, blocks swapped, columns inserted, subtotals that disagree, and the
# undecidable case. Run with Debian's python3-openpyxl:
#   /usr/bin/python3 make_variants.py
# A copy re-saved by LibreOffice is made with
#   soffice --headless --convert-to xlsx --outdir /tmp/lo ../county_hospital_department_revenue_2020.xlsx
#   cp /tmp/lo/county_hospital_department_revenue_2020.xlsx resaved_libreoffice.xlsx
import openpyxl

SRC = '../county_hospital_department_revenue_2020.xlsx'
FIRST, LAST, TOTAL = 7, 59, 60  # data rows and the 合计 row


def load():
    return openpyxl.load_workbook(SRC)


def values(ws):
    return [[ws.cell(r, c).value for c in range(1, 25)] for r in range(1, 61)]


def rewrite(ws, vals, order):
    """Writes the columns of vals in the given order (1-based), leaving A–C."""
    for r in range(1, 61):
        for i, c in enumerate(order):
            if i >= 3:
                ws.cell(r, i + 1).value = vals[r - 1][c - 1]


def drop_groups(ws, *merges):
    for m in merges:
        ws.unmerge_cells(m)
        ws[m.split(':')[0]] = None


wb = load(); ws = wb.active
drop_groups(ws, 'O4:X4'); wb.save('nogroup_inpatient.xlsx')

wb = load(); ws = wb.active
drop_groups(ws, 'D4:N4', 'O4:X4'); wb.save('nogroup_both.xlsx')

# No group headers and no block subtotals: placed by 挂号/床位/护理 beside them.
wb = load(); ws = wb.active
drop_groups(ws, 'D4:N4', 'O4:X4'); ws.delete_cols(14); ws.delete_cols(4)
wb.save('nogroup_nosubtotals.xlsx')

# Inpatient block first, with and without group headers.
wb = load(); ws = wb.active; vals = values(ws)
ws.unmerge_cells('D4:N4'); ws.unmerge_cells('O4:X4')
rewrite(ws, vals, list(range(1, 4)) + list(range(15, 25)) + list(range(4, 15)))
ws.merge_cells('D4:M4'); ws.merge_cells('N4:X4'); wb.save('swapped.xlsx')
ws.unmerge_cells('D4:M4'); ws.unmerge_cells('N4:X4'); ws['D4'] = None; ws['N4'] = None
wb.save('swapped_nogroup.xlsx')

# Two stated totals that disagree with their items: C7 and N8.
wb = load(); ws = wb.active
ws['C7'] = ws['C7'].value + 1; ws['N8'] = ws['N8'].value - 2; wb.save('bad_subtotals.xlsx')


def insert_column(name, at, label, value):
    """Inserts a column of `value` on every department row at column `at`
    (1-based), updating 医疗收入合计 and the block's total so they agree."""
    wb = load(); ws = wb.active
    for m in ['D4:N4', 'O4:X4']:
        ws.unmerge_cells(m)
        ws[m.split(':')[0]] = None
    ws.insert_cols(at)
    if at <= 14:  # in the outpatient block: 住院收入合计 moves to O
        ws['D4'] = '门诊收入'; ws.merge_cells('D4:O4')
        ws['P4'] = '住院收入'; ws.merge_cells('P4:Y4')
        block_total = 4
    else:
        ws['D4'] = '门诊收入'; ws.merge_cells('D4:N4')
        ws['O4'] = '住院收入'; ws.merge_cells('O4:Y4')
        block_total = 14
    ws.cell(5, at).value = label
    ws.cell(6, at).value = None
    for r in range(FIRST, LAST + 1):
        ws.cell(r, at).value = value
        ws.cell(r, 3).value = round(ws.cell(r, 3).value + value, 2)
        ws.cell(r, block_total).value = round(ws.cell(r, block_total).value + value, 2)
    rows = LAST - FIRST + 1
    ws.cell(TOTAL, at).value = round(value * rows, 2)
    ws.cell(TOTAL, 3).value = round(ws.cell(TOTAL, 3).value + value * rows, 2)
    ws.cell(TOTAL, block_total).value = round(ws.cell(TOTAL, block_total).value + value * rows, 2)
    wb.save(name)


# A column whose header is no subject (its numbers are reported, not imported).
insert_column('inserted_unknown.xlsx', 9, '远程会诊收入', 100.5)
# A subject the sample lacks, inside the inpatient block: placed by its block.
insert_column('inserted_known.xlsx', 24, '药事服务费收入', 20.25)

# Undecidable: no group headers, no block subtotals, and only labels that
# both groups have: refused naming the columns.
wb = load(); ws = wb.active
drop_groups(ws, 'D4:N4', 'O4:X4')
for col in sorted([24, 21, 15, 14, 13, 5, 4], reverse=True):  # 其他住院, 护理, 床位, 住院合计, 其他门诊, 挂号, 门诊合计
    ws.delete_cols(col)
wb.save('undecidable.xlsx')
