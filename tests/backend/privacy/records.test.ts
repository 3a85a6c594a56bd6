import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_DATA } from '../../../backend/privacy/data-map';
import { renderPia } from '../../../backend/privacy/pia';
import {
  approvalToken,
  assertSupplementApproved,
} from '../../../backend/privacy/supplement-approval';
import { ENTERED_CATEGORIES } from '../../../contract/privacy/entered';
import {
  operatorFactsFrom,
  renderSupplement,
  SUPPLEMENT_DATE,
} from '../../../contract/privacy/supplement';
import { THIRD_PARTIES } from '../../../contract/privacy/third-parties';

const root = join(__dirname, '..', '..', '..');
const OPERATOR = {
  ZY_OPERATOR_NAME: '示例运营公司',
  ZY_OPERATOR_PHONE: '021-00000000',
  ZY_OPERATOR_EMAIL: 'privacy@example.invalid',
  ZY_PI_OFFICER: '王某',
  ZY_PI_OFFICER_CONTACT: 'dpo@example.invalid',
};

describe('《隐私政策补充说明》 from configuration (issue 11 point 10)', () => {
  it('never invents an operator fact: each missing one is a visible gap and listed', () => {
    const s = renderSupplement({});
    expect(s.version).toBe(SUPPLEMENT_DATE);
    expect(s.missing).toEqual(['operatorName', 'phone', 'email', 'officerName', 'officerContact']);
    expect(s.text).toContain('【待运营者填写：个人信息保护负责人】');
  });

  it('filled, it names contact, 15 working days, processors, mainland storage, children', () => {
    const { text, missing } = renderSupplement(operatorFactsFrom(OPERATOR));
    expect(missing).toEqual([]);
    for (const fact of Object.values(OPERATOR)) expect(text).toContain(fact);
    expect(text).toContain('15 个工作日内答复');
    expect(text).toContain('最迟不超过 15 个工作日');
    for (const p of THIRD_PARTIES) expect(text).toContain(p.name);
    expect(text).toContain('不向境外提供');
    expect(text).toContain('信息存储和交换');
    expect(text).toContain('不满 14 周岁');
  });

  it('a production start refuses until the operator approved exactly the filled text', () => {
    expect(() => assertSupplementApproved({})).toThrow(/缺少运营者信息/);
    expect(() => assertSupplementApproved(OPERATOR)).toThrow(/尚未经运营者批准/);
    const { text, version } = renderSupplement(operatorFactsFrom(OPERATOR));
    const approved = { ...OPERATOR, ZY_SUPPLEMENT_APPROVAL: approvalToken(text, version) };
    expect(() => assertSupplementApproved(approved)).not.toThrow();
    // A changed fact is a changed text: approve again.
    expect(() => assertSupplementApproved({ ...approved, ZY_OPERATOR_PHONE: '021-1' })).toThrow(
      /尚未经运营者批准/,
    );
  });
});

describe('`npm run privacy:pia` (PIPL art. 55–56, issue 11 point 12)', () => {
  it('covers every data-map entry, every sensitive category and every recipient', () => {
    const pia = renderPia();
    for (const e of PERSONAL_DATA) expect(pia).toContain(`${e.collection}.${e.ownerField}`);
    for (const c of ENTERED_CATEGORIES) expect(pia).toContain(c.category);
    for (const p of THIRD_PARTIES) expect(pia).toContain(p.name);
  });

  it('docs/privacy-pia.md is current, and the retention position is on record', () => {
    expect(readFileSync(join(root, 'docs', 'privacy-pia.md'), 'utf8')).toBe(renderPia());
    const position = readFileSync(join(root, 'docs', 'record-retention.md'), 'utf8');
    expect(position).toContain('Deletion deletes');
    expect(position).toContain('internet hospital');
  });
});
