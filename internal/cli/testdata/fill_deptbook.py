#!/usr/bin/python3
"""Fill 生殖医学科's department workbook as the department would, for the
LibreOffice fixture:

    BP_DEPTBOOK_FIXTURE=/tmp/fx go test ./internal/cli -run TestWriteFixtureTemplate
    /usr/bin/python3 internal/cli/testdata/fill_deptbook.py /tmp/fx/template_105.xlsx /tmp/fx/filled.xlsx
    soffice --headless --convert-to xlsx --outdir /tmp/fx/lo /tmp/fx/filled.xlsx
    cp /tmp/fx/lo/filled.xlsx internal/cli/testdata/deptbook_105_libreoffice.xlsx
"""
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["预算建议表"]
rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
ws.cell(rows["30201"], 7).value = 43210.99
ws.cell(rows["30201"], 10).value = "含复印纸和硒鼓"
ws.cell(rows["30211"], 7).value = 30000.01
ws.cell(rows["30216"], 7).value = None
ps = wb["项目及绩效目标"]
ps["D5"] = 300000
ps["F5"] = 180000
ps["F6"] = "李明"
ps["B7"] = "完成两台宫腔镜采购安装并投入使用。"
for col, v in zip("ABCDE", ["社会效益指标", "门诊宫腔镜检查", "800", "例", "≥（越高越好）"]):
    ps[col + "10"] = v
wb.save(sys.argv[2])
