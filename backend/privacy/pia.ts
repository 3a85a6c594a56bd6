import { ENTERED_CATEGORIES } from '../../contract/privacy/entered';
import { PRIVACY_MANIFEST } from '../../contract/privacy/manifest';
import { THIRD_PARTIES } from '../../contract/privacy/third-parties';
import { PERSONAL_DATA } from './data-map';

const BASIS: Record<string, string> = {
  policy: '同意（第十三条第一款第一项）及订立、履行合同所必需（第二项）',
  scope: '同意：使用时的系统授权',
  separate: '单独开启的同意，可随时撤回',
  health: '单独同意（第二十九条）',
  guardian: '监护人单独同意（第三十一条）',
  identity: '单独同意（第二十九条）',
};

/**
 * `npm run privacy:pia` (issue 11 point 12): the personal-information impact assessment of
 * PIPL art. 55–56, drafted from the manifest, the entered categories, the third parties and
 * the data map. The operator completes the risk ratings and signs; the tool fills facts only.
 */
export function renderPia(): string {
  const lines = [
    '# 个人信息保护影响评估（PIPL 第五十五、五十六条）— 草稿',
    '',
    '由 `npm run privacy:pia` 根据隐私清单和个人数据地图生成，请勿手改；运营者补全风险评级、结论并签署后留存至少三年（第五十六条）。',
    '',
    '## 一、处理活动',
    '',
    '| 信息 | 目的 | 合法性基础 | 敏感 | 保存期限 |',
    '| --- | --- | --- | --- | --- |',
    ...PRIVACY_MANIFEST.map(
      (c) => `| ${c.wechatCategory} | ${c.purpose} | ${BASIS[c.consent]} | 否 | ${c.retention} |`,
    ),
    ...ENTERED_CATEGORIES.map(
      (c) =>
        `| ${c.category} | ${c.purpose} | ${BASIS[c.consent]} | ${c.sensitive ? '是' : '否'} | ${c.retention} |`,
    ),
    '',
    '## 二、存储与保护措施（个人数据地图）',
    '',
    '| 数据集 | 说明 | 加密字段 | 注销时 | 条款 |',
    '| --- | --- | --- | --- | --- |',
    ...PERSONAL_DATA.map(
      (e) =>
        `| ${e.collection}.${e.ownerField} | ${e.description} | ${e.sensitive.join('、') || '—'} | ${e.onDelete === 'delete' ? '删除' : '去标识'} | ${e.clauses.join(' ')} |`,
    ),
    '',
    '## 三、接收方（委托处理与提供）',
    '',
    '| 接收方 | 方式 | 信息 | 目的 |',
    '| --- | --- | --- | --- |',
    ...THIRD_PARTIES.map((p) => `| ${p.name} | ${p.role} | ${p.data} | ${p.purpose} |`),
    '',
    '## 四、风险与措施（运营者填写评级）',
    '',
    '| 风险 | 已有措施 | 评级（高/中/低） |',
    '| --- | --- | --- |',
    '| 健康信息泄露 | AES-256-GCM 字段加密、仅患者与接诊医生可见、访问日志 | 【待填写】 |',
    '| 儿童信息处理 | 监护人单独同意，可撤回和删除 | 【待填写】 |',
    '| 实名信息泄露 | 姓名与证件号加密；照片核验后删除（计划） | 【待填写】 |',
    '| 超期保存 | 保存期限由清扫任务执行（contract/privacy/retention.ts） | 【待填写】 |',
    '| 未经同意收集 | 动作需求表由 dispatch 统一执行（contract/privacy/requirements.ts） | 【待填写】 |',
    '',
    '## 五、结论与签署',
    '',
    '评估结论：【待填写】　负责人：【待填写】　日期：【待填写】',
    '',
  ];
  return lines.join('\n');
}
