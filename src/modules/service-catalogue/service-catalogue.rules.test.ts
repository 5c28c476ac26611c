import { describe, expect, it } from 'vitest';
import { checkConsistency, type ConsistencyFields } from './service-catalogue.rules.js';
import { formatMaterials, parseFaq, parseMaterials, parseSpecialSteps, parseSteps } from './service-catalogue.compact.js';

const ok: ConsistencyFields = {
  variant: '',
  caseType: 'promise',
  visitsNeeded: 1,
  onlineDepth: 'online_submission',
  statutoryDays: 20,
  promisedDays: 5,
  feeCharged: false,
  feeBasis: '',
  onlinePayment: false,
  noVisit: false,
  instantApproval: false,
};
const fields = (over: Partial<ConsistencyFields>, parent?: Parameters<typeof checkConsistency>[1], self?: number) => checkConsistency({ ...ok, ...over }, parent, self).map((p) => `${p.field}:${p.key}`);

describe('service item consistency rules', () => {
  it('accepts a plain promised item', () => {
    expect(fields({})).toEqual([]);
  });
  it('an on-the-spot item (即办件) is concluded the same day, and a same-day item is on the spot', () => {
    expect(fields({ caseType: 'on_the_spot', promisedDays: 1 })).toEqual(['promisedDays:serviceCatalogue.rule.on_the_spot_same_day']);
    expect(fields({ caseType: 'promise', promisedDays: 0 })).toEqual(['caseType:serviceCatalogue.rule.same_day_is_on_the_spot']);
    expect(fields({ caseType: 'on_the_spot', promisedDays: 0 })).toEqual([]);
  });
  it('the promised limit never exceeds the statutory one', () => {
    expect(fields({ promisedDays: 21 })).toEqual(['promisedDays:serviceCatalogue.rule.promised_over_statutory']);
    expect(fields({ promisedDays: 20 })).toEqual([]);
  });
  it('fully-online and no-visit items need zero visits', () => {
    expect(fields({ onlineDepth: 'fully_online', visitsNeeded: 1 })).toEqual(['visitsNeeded:serviceCatalogue.rule.fully_online_no_visit']);
    expect(fields({ noVisit: true, visitsNeeded: 2 })).toEqual(['visitsNeeded:serviceCatalogue.rule.no_visit_zero_visits']);
    expect(fields({ noVisit: true, visitsNeeded: 0, onlineDepth: 'fully_online' })).toEqual([]);
  });
  it('instant approval (秒批) means on the spot and at least online submission', () => {
    expect(fields({ instantApproval: true })).toEqual(['caseType:serviceCatalogue.rule.instant_is_on_the_spot']);
    expect(fields({ instantApproval: true, caseType: 'on_the_spot', promisedDays: 0, onlineDepth: 'download' })).toEqual(['onlineDepth:serviceCatalogue.rule.instant_needs_online']);
    expect(fields({ instantApproval: true, caseType: 'on_the_spot', promisedDays: 0, onlineDepth: 'fully_online', visitsNeeded: 0 })).toEqual([]);
  });
  it('no fee means no online payment; a fee needs its basis', () => {
    expect(fields({ onlinePayment: true })).toEqual(['onlinePayment:serviceCatalogue.rule.no_fee_no_payment']);
    expect(fields({ feeCharged: true })).toEqual(['feeBasis:serviceCatalogue.rule.fee_needs_basis']);
    expect(fields({ feeCharged: true, feeBasis: '按省物价局标准', onlinePayment: true })).toEqual([]);
  });
  it('a variant needs a parent that is not a variant; a sub item hangs under a main item', () => {
    expect(fields({ variant: 'new' })).toEqual(['parentCode:serviceCatalogue.rule.variant_needs_parent']);
    expect(fields({ variant: 'new' }, null)).toEqual(['parentCode:serviceCatalogue.rule.parent_not_found']);
    expect(fields({ variant: 'new' }, { id: 2, variant: 'change', parentId: 1 })).toEqual(['parentCode:serviceCatalogue.rule.parent_is_variant']);
    expect(fields({ variant: 'new' }, { id: 2, variant: '', parentId: 1 })).toEqual([]);
    expect(fields({}, { id: 2, variant: '', parentId: 1 })).toEqual(['parentCode:serviceCatalogue.rule.sub_under_main']);
    expect(fields({}, { id: 5, variant: '', parentId: null }, 5)).toEqual(['parentCode:serviceCatalogue.rule.parent_is_self']);
  });
  it('reports every broken rule at once', () => {
    expect(fields({ caseType: 'on_the_spot', promisedDays: 30, onlinePayment: true })).toHaveLength(3);
  });
});

describe('compact lists', () => {
  it('reads materials in Chinese or codes, with defaults, and writes them back the same', () => {
    const r = parseMaterials('营业执照｜复印件｜1｜必要｜加盖公章\n申请书|original\n\n身份证｜电子件｜0｜非必要');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual([
      { name: '营业执照', form: 'copy', copies: 1, required: true, notes: '加盖公章' },
      { name: '申请书', form: 'original', copies: 1, required: true, notes: '' },
      { name: '身份证', form: 'electronic', copies: 0, required: false, notes: '' },
    ]);
    expect(parseMaterials(formatMaterials(r.value)).value).toEqual(r.value);
  });
  it('names the first bad line', () => {
    expect(parseMaterials('营业执照｜复印件\n申请书｜手抄件').problems).toEqual([{ field: 'materials', key: 'serviceCatalogue.compact.material_form', params: { line: 2 } }]);
    expect(parseSteps('受理｜核对｜0\n盖章｜x｜1').problems[0]).toMatchObject({ key: 'serviceCatalogue.compact.step_kind', params: { line: 2 } });
    expect(parseSpecialSteps('现场核查｜五').problems[0]).toMatchObject({ key: 'serviceCatalogue.compact.days' });
    expect(parseFaq('只有问题').problems[0]).toMatchObject({ key: 'serviceCatalogue.compact.faq_line', params: { line: 1 } });
  });
  it('reads steps, special steps and FAQ', () => {
    expect(parseSteps('受理｜窗口核对材料｜0\napprove｜作出决定｜3').value).toEqual([
      { step: 'accept', description: '窗口核对材料', days: 0 },
      { step: 'approve', description: '作出决定', days: 3 },
    ]);
    expect(parseSpecialSteps('专家评审｜10｜《条例》第九条｜不计入').value).toEqual([{ name: '专家评审', days: 10, basis: '《条例》第九条', countedInLimit: false }]);
    expect(parseFaq('要本人到场吗？｜不需要｜可委托').value).toEqual([{ q: '要本人到场吗？', a: '不需要｜可委托' }]);
  });
});
