import { PRIVACY_MANIFEST, type ConsentKind } from './manifest';
import { CURRENT_POLICY } from './policy';

const CONSENT_TEXT: Record<ConsentKind, string> = {
  policy: '同意隐私政策后',
  scope: '使用相关功能时弹窗请求授权，拒绝后仅该功能不可用',
  separate: '在 我的 → 设置 → 隐私设置 中单独开启，默认关闭，可随时撤回',
};

/**
 * The 用户隐私保护指引 entries to paste into the WeChat admin console (设置 → 服务内容声明 →
 * 用户隐私保护指引), generated from the manifest so the console and the code cannot drift.
 * `npm run privacy:guide` writes docs/privacy-guide.md; a test fails when it is stale.
 */
export function renderPrivacyGuide(): string {
  const lines: string[] = [
    '# 用户隐私保护指引（由 contract/privacy/manifest.ts 生成，请勿手改）',
    '',
    `对应隐私政策：${CURRENT_POLICY.title}，更新日期 ${CURRENT_POLICY.updatedAt}，生效日期 ${CURRENT_POLICY.effectiveAt}（版本 ${CURRENT_POLICY.version}）。`,
    '',
    '重新生成：`npm run privacy:guide`。',
    '',
    '## 填写到微信公众平台的条目',
    '',
  ];
  for (const c of PRIVACY_MANIFEST) {
    lines.push(`- 为了${c.purpose}，开发者将在获取你的明示同意后，收集你的${c.wechatCategory}。`);
  }
  lines.push(
    '',
    '## 明细',
    '',
    '| 条款 | 信息类型 | 使用目的 | 涉及接口 | 授权范围 | 同意方式 | 保存期限 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const c of PRIVACY_MANIFEST) {
    const apis =
      c.apis.length > 0 ? c.apis.map((a) => `\`${a}\``).join('、') : '无（不调用微信隐私接口）';
    const scopes = c.scopes.length > 0 ? c.scopes.map((s) => `\`${s}\``).join('、') : '—';
    lines.push(
      `| ${c.clause} | ${c.wechatCategory} | ${c.purpose} | ${apis} | ${scopes} | ${CONSENT_TEXT[c.consent]} | ${c.retention} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
