// Package assets embeds the files BudgetPerf ships inside its binary: the CJK
// font used by the GUI theme and the PDF reports, the application icon, the
// reference catalogues and the translations. See README.md for the origin and
// licence of each file.
package assets

import "embed"

//go:embed fonts/wqy-microhei.ttf
var cjkFont []byte

//go:embed icon.png
var icon []byte

//go:embed catalogues/expenditure-economic-classification.csv
var expenditureClassificationCSV []byte

//go:embed catalogues/hospital-revenue-expense-items.csv
var hospitalItemsCSV []byte

//go:embed catalogues/national-assessment-indicators.csv
var assessmentIndicatorsCSV []byte

// Translations holds translations/en.json and translations/zh_Hans.json, in the
// layout fyne.io/fyne/v2/lang.AddTranslationsFS expects (pass "translations").
//
//go:embed translations/*.json
var Translations embed.FS

// FontName is the family name of the embedded CJK font.
const FontName = "WenQuanYi Micro Hei"

// FontRegular returns the WenQuanYi Micro Hei TrueType font (face 0 of Debian's
// wqy-microhei.ttc, ≈4.6 MB). It covers ASCII, GB2312 and the basic CJK block and
// is loadable both by Fyne (fyne.NewStaticResource) and by fpdf
// (AddUTF8FontFromBytes). The slice is shared: do not modify it.
func FontRegular() []byte { return cjkFont }

// Icon returns the 512×512 PNG application icon. The slice is shared: do not modify it.
func Icon() []byte { return icon }

// ExpenditureClassificationCSV returns the 部门预算支出经济分类 catalogue
// (columns code,name_zh,name_en,parent). The slice is shared: do not modify it.
func ExpenditureClassificationCSV() []byte { return expenditureClassificationCSV }

// HospitalItemsCSV returns the hospital revenue and expense subjects
// (columns code,name_zh,name_en,parent,kind,code_origin). The slice is shared: do not modify it.
func HospitalItemsCSV() []byte { return hospitalItemsCSV }

// AssessmentIndicatorsCSV returns the national public-hospital performance
// assessment indicator lists (columns assessment,seq,level1,level2,
// indicator_name,national_monitoring,unit,data_source,attribute,direction_cn,
// direction,source). The slice is shared: do not modify it.
func AssessmentIndicatorsCSV() []byte { return assessmentIndicatorsCSV }
