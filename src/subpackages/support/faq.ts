/**
 * 常见问题 on 我的 → 客服与反馈: the operator's own words, edited here and shipped with the next
 * build (plain data: a question and its answer, in the order shown). Keep answers true to
 * what the app does; the privacy answers follow the policy (contract/privacy/policy-text.ts).
 */
export interface FaqItem {
  question: string;
  answer: string;
}

export const FAQ: FaqItem[] = [
  {
    question: '不注册可以使用吗？',
    answer:
      '可以。找医院、找医生、搜索和查看医生名片都不需要账号；发起咨询、预约和提交工单需要先用手机号登录。',
  },
  {
    question: '图文咨询医生一直没有接诊怎么办？',
    answer:
      '医生 48 小时内未接诊的咨询会自动取消并原路退款，无需申请。如有其他订单或退款问题，请新建「订单与退款」工单。',
  },
  {
    question: '在线咨询能代替去医院看病吗？',
    answer:
      '不能。这里的咨询是健康咨询，不做诊断、不开处方；病情紧急请立即拨打 120 或前往医院急诊。',
  },
  {
    question: '如何查阅、更正或删除我的个人信息？',
    answer:
      '在 我的 → 设置 → 账号设置 中可以导出您的全部数据或注销账号；其他请求（更正、撤回同意、投诉）请新建「个人信息与隐私」工单，我们在 15 个工作日内答复。',
  },
  {
    question: '发现个人信息被泄露怎么办？',
    answer:
      '请新建「个人信息泄露举报」工单。该类工单优先级最高，提交后立即确认收到，客服在 1 个工作日内联系您。',
  },
  {
    question: '工单多久会有回复？',
    answer: '每个工单都显示预计答复日期（按国家法定工作日计算）。客服回复后，工单页面会自动刷新。',
  },
];
