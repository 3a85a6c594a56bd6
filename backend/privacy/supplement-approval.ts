import { createHash } from 'node:crypto';
import { operatorFactsFrom, renderSupplement } from '../../contract/privacy/supplement';

/** What the operator records to approve one filled text: `<version>:<sha256 of the text>`. */
export function approvalToken(text: string, version: string): string {
  return `${version}:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Issue 11 point 10: a production start refuses until every operator fact is configured
 * and the operator approved exactly the filled text (ZY_SUPPLEMENT_APPROVAL). A changed
 * fact or template changes the token, so it must be approved again.
 */
export function assertSupplementApproved(env: Record<string, string | undefined>): void {
  const supplement = renderSupplement(operatorFactsFrom(env));
  if (supplement.missing.length > 0) {
    throw new Error(
      `隐私政策补充说明缺少运营者信息：${supplement.missing.join(', ')}（ZY_OPERATOR_*、ZY_PI_OFFICER*）`,
    );
  }
  const token = approvalToken(supplement.text, supplement.version);
  if (env.ZY_SUPPLEMENT_APPROVAL !== token) {
    throw new Error(
      `隐私政策补充说明尚未经运营者批准：请审阅全文后设置 ZY_SUPPLEMENT_APPROVAL=${token}`,
    );
  }
}
