/**
 * 《隐私政策补充说明》 (issue 11 point 10): a template filled from the operator's
 * configuration and shown beside the operator's unchanged policy. Operator facts are
 * never invented: a missing one stays a visible 【待运营者填写】 gap and is listed in
 * `missing`, and a production start refuses until the operator approved the filled text
 * (backend/privacy/supplement-approval.ts). Versioned by SUPPLEMENT_DATE.
 */
import { ENTERED_CATEGORIES } from './entered';
import { SUPPLEMENT_DATE } from './policy';
import { RETENTION_RULES } from './retention';
import { GUARDIAN_AGE } from './sensitive-consents';
import { THIRD_PARTIES } from './third-parties';

export { SUPPLEMENT_DATE };

/** From configuration (ZY_OPERATOR_* environment variables); never defaulted. */
export interface OperatorFacts {
  operatorName?: string;
  phone?: string;
  email?: string;
  /** PIPL art. 52 个人信息保护负责人. */
  officerName?: string;
  officerContact?: string;
}

const LABELS: Record<keyof OperatorFacts, string> = {
  operatorName: '运营者名称',
  phone: '联系电话',
  email: '联系邮箱',
  officerName: '个人信息保护负责人',
  officerContact: '个人信息保护负责人联系方式',
};

export interface Supplement {
  version: string;
  text: string;
  /** Facts the operator has not configured yet. */
  missing: Array<keyof OperatorFacts>;
}

export function renderSupplement(facts: OperatorFacts): Supplement {
  const missing = (Object.keys(LABELS) as Array<keyof OperatorFacts>).filter(
    (k) => !facts[k]?.trim(),
  );
  const fact = (k: keyof OperatorFacts) => facts[k]?.trim() || `【待运营者填写：${LABELS[k]}】`;
  const lines = [
    '隐私政策补充说明',
    `更新日期：${SUPPLEMENT_DATE}`,
    '本说明补充《上海助医用户隐私政策协议》，两者不一致时以本说明为准。',
    '一、联系与投诉',
    `运营者：${fact('operatorName')}；电话：${fact('phone')}；邮箱：${fact('email')}。个人信息保护负责人：${fact('officerName')}（${fact('officerContact')}）。我们在 15 个工作日内答复您的请求和投诉（《个人信息保护法》第五十条）。`,
    '二、删除',
    '注销账号或删除个人信息的请求立即执行，最迟不超过 15 个工作日完成。',
    '三、受托处理者与第三方',
    ...THIRD_PARTIES.map(
      (p) => `${p.name}（${p.role}）：${p.data}；用途：${p.purpose}；方式：${p.method}。`,
    ),
    '四、存储地点',
    '您的个人信息存储在中华人民共和国境内，不向境外提供。本条收窄隐私政策“信息存储和交换”一节中“可能传送至……境外进行管理”的表述：未经您依法单独同意并完成法定程序，不会传送至境外（《个人信息保护法》第三十八至三十九条）。',
    '五、儿童',
    `为不满 ${GUARDIAN_AGE} 周岁的儿童咨询，须由其父母或其他监护人单独同意（第三十一条）；儿童信息与其他敏感个人信息同样加密保存，监护人可随时撤回或删除。`,
    '六、敏感个人信息',
    ...ENTERED_CATEGORIES.filter((c) => c.sensitive).map((c) => `${c.category}：${c.purpose}。`),
    '处理健康信息前，我们在单独页面取得您的单独同意，您可在“隐私设置”中撤回。',
    '七、保存期限',
    ...Object.values(RETENTION_RULES).map((r) => `${r.promise}。`),
    '其他个人信息在账号存续期间保存，注销账号时删除。本服务提供健康咨询，不属于互联网诊疗，不适用病历 15 年的保存要求。',
  ];
  return { version: SUPPLEMENT_DATE, text: lines.join('\n'), missing };
}

export function operatorFactsFrom(env: Record<string, string | undefined>): OperatorFacts {
  return {
    operatorName: env.ZY_OPERATOR_NAME,
    phone: env.ZY_OPERATOR_PHONE,
    email: env.ZY_OPERATOR_EMAIL,
    officerName: env.ZY_PI_OFFICER,
    officerContact: env.ZY_PI_OFFICER_CONTACT,
  };
}
