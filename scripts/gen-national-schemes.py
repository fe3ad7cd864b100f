#!/usr/bin/env python3
# Generates assets/indicators/{tertiary-general,tcm-tertiary,tcm-secondary}-assessment.csv from
# assets/catalogues/national-assessment-indicators.csv (run from the repository root; see assets/README.md).
import csv, io
CAT = 'assets/catalogues/national-assessment-indicators.csv'
HEAD = "level,code,parent,name_zh,name_en,points,unit,direction,rule,target,low,high,deduct_per,perspective,bonus,public_welfare,revenue_linked,source"
rows = list(csv.DictReader(open(CAT, encoding='utf-8')))
DIMS = [('医疗质量', 'Medical quality', 40, 'internal', 'quality'),
        ('运营效率', 'Operational efficiency', 30, 'financial', 'efficiency'),
        ('持续发展', 'Sustainable development', 15, 'learning', ''),
        ('满意度评价', 'Satisfaction', 15, 'customer', 'satisfaction')]
GROUP_EN = {'功能定位':'Functional positioning','质量安全':'Quality and safety','合理用药':'Rational drug use','服务流程':'Service process',
  '医疗服务':'Medical services','资源效率':'Resource efficiency','收支结构':'Revenue and expense structure','费用控制':'Cost control',
  '经济管理':'Economic management','人员结构':'Staff structure','人才培养':'Staff development','学科建设':'Discipline building',
  '信用建设':'Credit','患者满意度':'Patient satisfaction','医务人员满意度':'Staff satisfaction'}
# Practice-default targets (placeholders: the hospital's prior-year actual or the task set locally replaces them).
T = {'下转患者人次数（门急诊、住院）':(3000,'人次'),'出院患者手术占比':(30,'%'),'出院患者微创手术占比':(15,'%'),'出院患者四级手术比例':(15,'%'),
 '出院患者三级手术占比':(20,'%'),'手术患者并发症发生率':(0.5,'%'),'I类切口手术部位感染率':(0.8,'%'),'单病种质量控制':(None,''),
 '通过国家室间质量评价的临床检验项目数':(90,'%'),'低风险组病例死亡率':(0.03,'%'),'优质护理服务病房覆盖率':(100,'%'),
 '点评处方占处方总数的比例':(10,'%'),'点评中药处方占中药处方总数的比例':(10,'%'),'抗菌药物使用强度（DDDs）':(40,'DDD'),'门诊患者基本药物处方占比':(50,'%'),
 '住院患者基本药物使用率':(95,'%'),'基本药物采购品种数占比':(40,'%'),'国家组织药品集中采购中标药品使用比例':(90,'%'),
 '门诊患者平均预约诊疗率':(60,'%'),'门诊患者预约后平均等待时间':(20,'分钟'),'电子病历应用功能水平分级':(4,'级'),
 '医疗服务收入（不含药品、耗材、检查检验收入）占医疗收入比例':(35,'%'),'人员支出占业务支出比重':(40,'%'),'万元收入能耗支出':(0.05,'吨标煤/万元'),
 '门诊次均费用增幅':(None,'%'),'门诊次均药品费用增幅':(None,'%'),'住院次均费用增幅':(None,'%'),'住院次均药品费用增幅':(None,'%'),
 '麻醉、儿科、重症、病理、中医医师占比':(20,'%'),'医院接受其他医院（尤其是对口支援医院、医联体内医院）进修并返回原医院独立工作人数占比':(80,'%'),
 '医院住院医师首次参加医师资格考试通过率':(80,'%'),'医院承担培养医学人才的工作成效':(None,''),'每百名卫生技术人员科研项目经费':(50000,'元'),
 '每百名卫生技术人员科研成果转化金额':(10000,'元'),'门诊患者满意度':(90,'分'),'住院患者满意度':(92,'分'),'医务人员满意度':(85,'分'),
 '门诊中药处方比例':(60,'%'),'门诊散装中药饮片和小包装中药饮片处方比例':(30,'%'),'门诊患者中药饮片使用率':(30,'%'),'出院患者中药饮片使用率':(60,'%'),
 '门诊患者使用中医非药物疗法比例':(10,'%'),'出院患者使用中医非药物疗法比例':(70,'%'),'以中医为主治疗的出院患者比例':(60,'%'),
 '住院手术患者围手术期中医治疗比例':(50,'%'),'理法方药使用一致的出院患者比例':(90,'%'),'中药收入占药品收入比例':(50,'%'),'中药饮片收入占药品收入比例':(30,'%'),
 '医疗机构中药制剂收入占药品收入比例':(5,'%'),'门诊中医医疗服务项目收入占门诊医疗收入比例':(10,'%'),'住院中医医疗服务项目收入占住院医疗收入比例':(10,'%'),
 '中医类别执业医师（含执业助理医师）占执业医师总数比例':(60,'%'),'在岗的麻醉、儿科、重症、病理医师占比':(15,'%'),'护理人员系统接受中医药知识和技能培训比例':(70,'%'),
 '每百名卫生技术人员中医药科研项目经费':(20000,'元'),'每百名卫生技术人员重点学科、重点专科经费投入':(50000,'元'),'每百名卫生技术人员中医药科研成果转化金额':(5000,'元'),
 '基本药物采购金额占比':(40,'%'),'国家组织药品集中采购中标药品金额占比':(30,'%'),'省级室间质量评价临床检验项目参加率与合格率':(100,'%'),
 '人员经费占比':(40,'%'),'万元收入能耗占比':(0.05,'吨标煤/万元'),'次均费用增幅':(None,'%'),'次均药品费用增幅':(None,'%'),
 '人才培养经费投入占比':(1,'%'),'患者满意度':(90,'分'),
}
def revenue_linked(name):
    # The rule (assets/README.md): any revenue amount, share, growth, per head,
    # completion or surplus -- 万元收入能耗 too, whose denominator is revenue.
    if '收入' in name or '结余' in name or '盈余' in name: return True
    return '药品费用增幅' in name
def indicator(r, dim, code, parent, pts, num):
    name = r['indicator_name']; d = r['direction']
    persp, bonus = dim[3], dim[4]
    if name == '医务人员满意度': persp = 'learning'
    rl = revenue_linked(name)
    if rl: bonus = ''
    src = f"{r['assessment']} #{num}（{r['data_source'] or '—'}{'，国家监测' if r['national_monitoring']=='Y' else ''}）"
    unit = r['unit'].replace('百分比（%）','%').replace('分值','分').replace('级别','级')
    if unit == '无': unit = ''
    target, low, high, rule, direction = '', '', '', 'qualitative', 'monitor'
    if d == 'monitor_only':
        pts = 0; src += '; 国家清单为监测比较，不计分'; bonus = ''
    elif d == 'qualitative_improve':
        direction, rule = 'higher', 'qualitative'; src += '; 定性（逐步完善）：达成/部分/未达成'
    else:
        tv, tu = T.get(name, (None, ''))
        if d == 'lower_better' and '增幅' in name:
            direction, rule, low, high = 'lower', 'linear_band', 10, 0
            src += '; 增幅≤0满分、≥10%不得分（线性）; 区间 practice default'
        elif tv is None:
            direction, rule = 'higher', 'qualitative'
            src += '; 多项复合指标，按达成/部分/未达成定性评价'
        else:
            direction = 'higher' if d == 'higher_better' else 'lower'
            rule = 'proportional' if direction == 'higher' else 'inverse'
            target = tv
            src += '; 目标值 practice default，宜取本院上年实际'
    if rl: src += '; 收入结构指标，revenue_linked，不挂奖金'
    return f"3,{code},{parent},{name},{EN.get(name, '')},{pts},{unit},{direction},{rule},{target},{low},{high},,{persp},{bonus},false,{str(rl).lower()},\"{src}\""

def alloc(total, n):
    # hundredths by largest remainder so the parts add up exactly
    c = round(total * 100); base, rem = divmod(c, n)
    return [(base + (1 if i < rem else 0)) / 100 for i in range(n)]

def fmt(x): 
    s = f"{x:.2f}".rstrip('0').rstrip('.')
    return s

def build(code, zh, en, origin, items, extra_group=None):
    out = [f"# code: {code}", f"# name_zh: {zh}", f"# name_en: {en}", "# kind: department", "# total: 100", f"# origin: {origin}", HEAD]
    for di, dim in enumerate(DIMS, 1):
        its = [r for r in items if r['level1'] == dim[0]]
        scored = [r for r in its if r['direction'] != 'monitor_only']
        pts = alloc(dim[2], len(scored)); pi = iter(pts)
        pmap = {id(r): (next(pi) if r['direction'] != 'monitor_only' else 0) for r in its}
        out.append(f"1,{di},,{dim[0]},{dim[1]},{dim[2]},,,,,,,,,,,,")
        groups = []
        for r in its:
            if r['level2'] not in groups: groups.append(r['level2'])
        for gi, g in enumerate(groups, 1):
            gits = [r for r in its if r['level2'] == g]
            gp = round(sum(pmap[id(r)] for r in gits), 2)
            out.append(f"2,{di}.{gi},{di},{g},{GROUP_EN[g]},{fmt(gp)},,,,,,,,,,,,")
            for ii, r in enumerate(gits, 1):
                out.append(indicator(r, dim, f"{di}.{gi}.{ii}", f"{di}.{gi}", fmt(pmap[id(r)]), r['seq']))
    return '\n'.join(out) + '\n'
EN = {
'门诊人次数与出院人次数比':'Ratio of outpatient visits to discharges','下转患者人次数（门急诊、住院）':'Patients referred down (outpatient and inpatient)',
'日间手术占择期手术比例':'Day surgery share of elective surgery','出院患者手术占比':'Share of discharged patients with surgery',
'出院患者微创手术占比':'Share of discharged patients with minimally invasive surgery','出院患者四级手术比例':'Share of discharged patients with grade-4 surgery',
'出院患者三级手术占比':'Share of discharged patients with grade-3 surgery','特需医疗服务占比':'Share of premium medical services',
'手术患者并发症发生率':'Complication rate of surgical patients','I类切口手术部位感染率':'Surgical-site infection rate of class-I incisions',
'单病种质量控制':'Single-disease quality control','大型医用设备检查阳性率':'Positive rate of large-equipment examinations',
'大型医用设备维修保养及质量控制管理':'Maintenance and quality control of large equipment','通过国家室间质量评价的临床检验项目数':'Lab tests passing national external quality assessment',
'低风险组病例死亡率':'Mortality of low-risk DRG cases','优质护理服务病房覆盖率':'Coverage of wards with high-quality nursing',
'点评处方占处方总数的比例':'Share of prescriptions reviewed','点评中药处方占中药处方总数的比例':'Share of TCM prescriptions reviewed',
'抗菌药物使用强度（DDDs）':'Antibiotic use density (DDDs per 100 patient-days)','门诊患者基本药物处方占比':'Share of outpatient prescriptions with essential medicines',
'住院患者基本药物使用率':'Use rate of essential medicines by inpatients','基本药物采购品种数占比':'Share of essential medicines in drug varieties purchased',
'国家组织药品集中采购中标药品使用比例':'Share of nationally tendered medicines used','门诊患者平均预约诊疗率':'Outpatient appointment rate',
'门诊患者预约后平均等待时间':'Average outpatient waiting time after appointment','电子病历应用功能水平分级':'EMR application level',
'每名执业医师日均住院工作负担':'Daily inpatient workload per physician','每名执业医师日均门诊工作负担':'Daily outpatient workload per physician',
'每百张病床药师人数':'Pharmacists per 100 beds','门诊收入占医疗收入比例':'Outpatient share of medical revenue',
'门诊收入中来自医保基金的比例':'Share of outpatient revenue paid by medical insurance','住院收入占医疗收入比例':'Inpatient share of medical revenue',
'住院收入中来自医保基金的比例':'Share of inpatient revenue paid by medical insurance',
'医疗服务收入（不含药品、耗材、检查检验收入）占医疗收入比例':'Share of medical-service revenue (excl. drugs; consumables; tests) in medical revenue',
'辅助用药收入占比':'Share of adjuvant-drug revenue','人员支出占业务支出比重':'Personnel share of operating expenditure',
'万元收入能耗支出':'Energy cost per 10000 yuan revenue','收支结余':'Surplus','资产负债率':'Debt-to-asset ratio','医疗收入增幅':'Growth of medical revenue',
'门诊次均费用增幅':'Growth of average outpatient cost','门诊次均药品费用增幅':'Growth of average outpatient drug cost',
'住院次均费用增幅':'Growth of average inpatient cost','住院次均药品费用增幅':'Growth of average inpatient drug cost',
'全面预算管理':'Comprehensive budget management','规范设立总会计师':'Chief accountant appointed','卫生技术人员职称结构':'Title structure of health professionals',
'麻醉、儿科、重症、病理、中医医师占比':'Share of anaesthesia; paediatric; ICU; pathology and TCM physicians','医护比':'Doctor-to-nurse ratio',
'医院接受其他医院（尤其是对口支援医院、医联体内医院）进修并返回原医院独立工作人数占比':'Share of trainees from other hospitals returning to work independently',
'医院住院医师首次参加医师资格考试通过率':'First-attempt licensing pass rate of residents','医院承担培养医学人才的工作成效':'Results of medical education',
'每百名卫生技术人员科研项目经费':'Research funding per 100 health professionals','每百名卫生技术人员科研成果转化金额':'Research commercialisation per 100 health professionals',
'公共信用综合评价等级':'Public credit rating','门诊患者满意度':'Outpatient satisfaction','住院患者满意度':'Inpatient satisfaction','医务人员满意度':'Staff satisfaction',
'重点监控高值医用耗材收入占比':'Share of key-monitored high-value consumables in consumable revenue',
'门诊中药处方比例':'Share of outpatient TCM prescriptions','门诊散装中药饮片和小包装中药饮片处方比例':'Share of outpatient prescriptions with loose or small-pack decoction pieces',
'门诊患者中药饮片使用率':'Outpatient use rate of decoction pieces','出院患者中药饮片使用率':'Use rate of decoction pieces by discharged patients',
'门诊患者使用中医非药物疗法比例':'Share of outpatients treated with TCM non-drug therapies','出院患者使用中医非药物疗法比例':'Share of discharged patients treated with TCM non-drug therapies',
'以中医为主治疗的出院患者比例':'Share of discharged patients treated mainly with TCM','住院手术患者围手术期中医治疗比例':'Share of surgical inpatients with perioperative TCM treatment',
'理法方药使用一致的出院患者比例':'Share of discharged patients with consistent TCM diagnosis and prescription',
'重点监控化学药品和生物制品收入占比':'Share of key-monitored chemical and biological drugs in revenue','中药收入占药品收入比例':'Share of TCM drugs in drug revenue',
'中药饮片收入占药品收入比例':'Share of decoction pieces in drug revenue','医疗机构中药制剂收入占药品收入比例':'Share of in-house TCM preparations in drug revenue',
'门诊中医医疗服务项目收入占门诊医疗收入比例':'Share of TCM service items in outpatient medical revenue','住院中医医疗服务项目收入占住院医疗收入比例':'Share of TCM service items in inpatient medical revenue',
'中医类别执业医师（含执业助理医师）占执业医师总数比例':'Share of TCM physicians among physicians','在岗的麻醉、儿科、重症、病理医师占比':'Share of anaesthesia; paediatric; ICU and pathology physicians',
'护理人员系统接受中医药知识和技能培训比例':'Share of nurses trained in TCM','每百名卫生技术人员中医药科研项目经费':'TCM research funding per 100 health professionals',
'每百名卫生技术人员重点学科、重点专科经费投入':'Key-discipline funding per 100 health professionals','每百名卫生技术人员中医药科研成果转化金额':'TCM research commercialisation per 100 health professionals',
'基本药物采购金额占比':'Share of essential medicines in drug purchases','国家组织药品集中采购中标药品金额占比':'Share of nationally tendered medicines in drug purchases',
'重点监控药品收入占比':'Share of key-monitored drugs in drug revenue','省级室间质量评价临床检验项目参加率与合格率':'Participation and pass rate in provincial external quality assessment of lab tests',
'平均住院日':'Average length of stay','医疗盈余率':'Medical surplus rate','人员经费占比':'Personnel expenditure share','万元收入能耗占比':'Energy use per 10000 yuan revenue',
'医疗收入中来自医保基金的比例（包括门诊、住院收入中来自医保基金的比例）':'Share of medical revenue paid by medical insurance',
'次均费用增幅':'Growth of average cost per visit/stay','次均药品费用增幅':'Growth of average drug cost per visit/stay','人才培养经费投入占比':'Share of spending on staff training',
'专科能力':'Specialty capability','患者满意度':'Patient satisfaction',
}
HQ = "转录自 Tostig0916/hqcoffee indef2020.xlsx（MIT，见 catalogues/LICENSE-hqcoffee.txt）"
def sel(a): return [r for r in rows if r['assessment'] == a]
t = sel('三级公立医院绩效考核(综合)')
for r in t:
    if r['seq'] == '增1': r['level1'], r['level2'] = '医疗质量', '合理用药'
# keep catalogue order but move 增1 after the other 合理用药 rows
t = [r for r in t if r['seq'] != '增1']; add = [r for r in sel('三级公立医院绩效考核(综合)') if r['seq']=='增1'][0]
i = max(k for k, r in enumerate(t) if r['level2'] == '合理用药'); t.insert(i+1, add)
open('assets/indicators/tertiary-general-assessment.csv','w').write(build('tertiary-general-assessment',
  '三级公立医院绩效考核指标体系（55＋1项）','Tertiary public-hospital performance assessment (55 + 1)',
  '国家三级公立医院绩效考核指标（国办发〔2019〕4号，55项）及后增“重点监控高值医用耗材收入占比”（第56项，监测比较），取自 assets/catalogues/national-assessment-indicators.csv（'+HQ+'）；名称、分组、方向与国家监测标记照录；分值（医疗质量40、运营效率30、持续发展15、满意度15，维度内计分指标等分）、计分规则与目标值为 BudgetPerf 默认，须按本院上年实际调整', t))
tcm = sel('三级公立中医医院绩效考核')
add = [r for r in tcm if r['seq']=='增1'][0]; tcm = [r for r in tcm if r['seq']!='增1']
add['level1'], add['level2'] = '运营效率', '收支结构'
i = max(k for k, r in enumerate(tcm) if r['level2'] == '收支结构'); tcm.insert(i+1, add)
open('assets/indicators/tcm-tertiary-assessment.csv','w').write(build('tcm-tertiary-assessment',
  '三级公立中医医院绩效考核指标体系（66＋1项）','Tertiary public TCM hospital performance assessment (66 + 1)',
  '国家三级公立中医医院绩效考核指标（国家中医药管理局2019年印发，66项）及后增“重点监控高值医用耗材收入占比”（监测比较），取自 assets/catalogues/national-assessment-indicators.csv（'+HQ+'）；名称、分组、方向照录；分值（40/30/15/15，维度内计分指标等分）、计分规则与目标值为 BudgetPerf 默认', tcm))
# Secondary TCM: not in the catalogue. Derived: the secondary general 28 with the TCM-specific
# indicators of the tertiary TCM list that replace or add to them.
sec = [dict(r) for r in sel('二级公立医院绩效考核(综合)')]
TCM_ADD = {'门诊中药处方比例','门诊患者中药饮片使用率','出院患者中药饮片使用率','门诊患者使用中医非药物疗法比例','出院患者使用中医非药物疗法比例',
           '以中医为主治疗的出院患者比例','中药收入占药品收入比例','中药饮片收入占药品收入比例',
           '中医类别执业医师（含执业助理医师）占执业医师总数比例','护理人员系统接受中医药知识和技能培训比例'}
adds = [dict(r) for r in tcm if r['indicator_name'] in TCM_ADD]
out = []
for lvl1 in ['医疗质量','运营效率','持续发展','满意度评价']:
    for r in sec:
        if r['level1'] == lvl1:
            out.append(r)
    # TCM additions after the secondary ones of the same level-2 group, or at the end of the dimension
    for a in adds:
        if a['level1'] == lvl1:
            a['assessment'] = '三级公立中医医院绩效考核（中医特色指标，二级中医派生）'
            if lvl1 == '持续发展': a['level2'] = '人员结构'
            j = max([k for k, r in enumerate(out) if r['level2'] == a['level2']] or [len(out)-1])
            out.insert(j+1, a)
open('assets/indicators/tcm-secondary-assessment.csv','w').write(build('tcm-secondary-assessment',
  '二级公立中医医院绩效考核指标体系（派生，待核对）','Secondary public TCM hospital performance assessment (derived; check against the official list)',
  '目录未收二级公立中医医院考核清单：由 BudgetPerf 派生——二级公立医院绩效考核28项（目录）加三级公立中医医院考核中的10项中医特色指标（中药处方与饮片使用、中医非药物疗法、以中医为主治疗、中药收入结构、中医类别医师与护理人员中医药培训，目录）；二级公立中医医院考核由国家中医药管理局另行印发，启用前应以省级下发的正式清单核对；分值（40/30/15/15，维度内计分指标等分）、计分规则与目标值为 BudgetPerf 默认', out))
print(len(t), len(tcm), len(out))
