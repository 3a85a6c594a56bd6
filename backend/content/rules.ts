/**
 * The local content rules (issue 15 §7): what `npm start` holds back where WeChat's
 * msgSecCheck is not available. Deliberately small and aimed at what harms patients on a
 * medical consult service — fraud, taking the conversation off-platform, spam — never at
 * medical words: 乳腺, 性病, 堕胎, 艾滋, 避孕 and the like must always pass (a test says so).
 * Each entry: a pattern and why it is here. Matching is on NFKC-normalised, lower-cased text
 * with spaces removed, so "加 微 信" and full-width letters do not slip through.
 */
export interface ContentRule {
  pattern: RegExp;
  why: string;
}

export const CONTENT_RULES: readonly ContentRule[] = [
  { pattern: /(加|添加|私加)(我)?(微信|vx|wx|v信|qq)/, why: '引导私下联系，绕开平台保护' },
  { pattern: /(微信|vx|wx|qq)(号)?[:：]?[a-z0-9_-]{5,}/, why: '留下私人联系方式' },
  { pattern: /(转账|汇款|打款)到(我|个人|私人)/, why: '要求私下付款（诈骗）' },
  { pattern: /包治百病|根治癌症|无效退款|祖传秘方/, why: '虚假医疗宣传' },
  { pattern: /代开(处方|病假条|诊断证明)|出售(处方药|病历)/, why: '违法代开或出售' },
  { pattern: /刷单|兼职日结|贷款秒批|博彩|赌场/, why: '常见诈骗与垃圾广告' },
];

export function normaliseForRules(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The first rule the text breaks, or null. */
export function ruleBroken(text: string): ContentRule | null {
  const value = normaliseForRules(text);
  return CONTENT_RULES.find((rule) => rule.pattern.test(value)) ?? null;
}
