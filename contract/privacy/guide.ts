import { ENTERED_CATEGORIES } from './entered';
import { PRIVACY_MANIFEST, type ConsentKind, type DataCategory } from './manifest';
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
export interface GuideBuild {
  /** The build includes the Umeng SDK (UMENG_APP_KEY set at build time, config/index.ts). */
  umeng: boolean;
}

/** Issue 11 point 7: the categories this build actually collects — Umeng only when built in. */
export function guideCategories(build: GuideBuild): DataCategory[] {
  return PRIVACY_MANIFEST.filter((c) => c.id !== 'analytics' || build.umeng);
}

const ENTERED_CONSENT: Record<string, string> = {
  policy: '同意隐私政策后',
  health: '发起咨询前在单独页面勾选同意（默认不勾选）',
  guardian: '为不满十四周岁的就诊人咨询前，由监护人单独同意',
  identity: '提交实名认证时单独同意',
};

export function renderPrivacyGuide(build: GuideBuild = { umeng: false }): string {
  const categories = guideCategories(build);
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
  for (const c of categories) {
    lines.push(`- 为了${c.purpose}，开发者将在获取你的明示同意后，收集你的${c.wechatCategory}。`);
  }
  lines.push(
    '',
    '## 明细',
    '',
    '| 条款 | 信息类型 | 使用目的 | 涉及接口 | 授权范围 | 同意方式 | 保存期限 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const c of categories) {
    const apis =
      c.apis.length > 0 ? c.apis.map((a) => `\`${a}\``).join('、') : '无（不调用微信隐私接口）';
    const scopes = c.scopes.length > 0 ? c.scopes.map((s) => `\`${s}\``).join('、') : '—';
    lines.push(
      `| ${c.clause} | ${c.wechatCategory} | ${c.purpose} | ${apis} | ${scopes} | ${CONSENT_TEXT[c.consent]} | ${c.retention} |`,
    );
  }
  lines.push(
    '',
    '## 您主动填写或上传的信息（含敏感个人信息）',
    '',
    '不经微信隐私接口，但同样收集，请在“用户隐私保护指引”的补充说明中一并声明。',
    '',
    '| 条款 | 信息类型 | 使用目的 | 使用场景 | 敏感 | 同意方式 | 保存期限 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const c of ENTERED_CATEGORIES) {
    lines.push(
      `| ${c.clause} | ${c.category} | ${c.purpose} | ${c.scene} | ${c.sensitive ? '是' : '否'} | ${ENTERED_CONSENT[c.consent]} | ${c.retention} |`,
    );
  }
  lines.push(
    '',
    build.umeng
      ? '本版本包含友盟+统计分析 SDK（仅在用户开启“统计分析”后启用）。'
      : '本版本不包含友盟+统计分析 SDK。',
    '',
  );
  return lines.join('\n');
}
