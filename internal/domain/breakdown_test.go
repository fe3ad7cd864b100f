package domain

import "testing"

func TestNewBreakdownGroupsByDepartmentOrder(t *testing.T) {
	depts := []Department{{Code: "000", Name: "全院"}, {Code: "101", Name: "产科", NameEn: "Obstetrics"}}
	subjects := []Subject{{Code: "30201", Name: "办公费", Kind: Expenditure}, {Code: "400101", Name: "财政基本拨款收入", Kind: Revenue}}
	b := NewBreakdown([]SubjectAmount{
		{DeptCode: "101", SubjectCode: "30201", Amount: 150},
		{DeptCode: "000", SubjectCode: "400101", Amount: 1000},
		{DeptCode: "101", SubjectCode: "400101", Amount: 7},
	}, depts, subjects)
	if len(b.Departments) != 2 || b.Departments[0].Code != "000" || b.Departments[1].NameEn != "Obstetrics" {
		t.Fatalf("departments %+v", b.Departments)
	}
	if b.Revenue != 1007 || b.Expenditure != 150 || b.Balance() != 857 {
		t.Errorf("totals revenue %d expenditure %d", b.Revenue, b.Expenditure)
	}
	d := b.Departments[1]
	if d.Balance() != -143 || d.Lines[0].SubjectName != "办公费" || d.Lines[1].Kind != Revenue {
		t.Errorf("产科 %+v", d)
	}
}
