import { Button, Text, View } from '@tarojs/components';
import { IDENTITY_FAIL_REASONS, verifierLabel } from '../../../../contract/user/items';
import type { IdentityView } from '../../../../contract/user';
import { formatLocalDateTime } from '../../../utils/format';

/**
 * IDV after submission: only the masked name and ID number, the result and who checked it —
 * with the reason when it failed, and a way to submit again. Never the plaintext, and no
 * photo: they were deleted once the verifier answered (issue 11 point 9).
 */
export function IdentityResult({ view, onRetry }: { view: IdentityView; onRetry: () => void }) {
  const verified = view.status === 'verified';
  return (
    <View className="account-card identity-result">
      <View className="identity-result__status">
        <Text className="account-card__title">实名认证</Text>
        <Text className={`tag ${verified ? 'tag--ok' : 'tag--bad'}`}>
          {verified ? '已认证' : '未通过'}
        </Text>
      </View>
      {!verified && view.reason ? (
        <Text className="account-error identity-result__reason">
          原因：{IDENTITY_FAIL_REASONS[view.reason]}
        </Text>
      ) : null}
      <View className="identity-result__row">
        <Text className="identity-result__label">姓名</Text>
        <Text>{view.nameMasked}</Text>
      </View>
      <View className="identity-result__row">
        <Text className="identity-result__label">身份证号</Text>
        <Text>{view.idMasked}</Text>
      </View>
      {view.submittedAt ? (
        <View className="identity-result__row">
          <Text className="identity-result__label">提交时间</Text>
          <Text>{formatLocalDateTime(view.submittedAt)}</Text>
        </View>
      ) : null}
      {view.consentAt ? (
        <Text className="muted identity-result__consent">
          您已于 {formatLocalDateTime(view.consentAt)} 单独同意《敏感个人信息处理规则》
        </Text>
      ) : null}
      {view.verifier ? (
        <View className="identity-result__row">
          <Text className="identity-result__label">核验方式</Text>
          <Text>{verifierLabel(view.verifier)}</Text>
        </View>
      ) : null}
      <Text className="muted identity-result__note">
        {verified
          ? '您已作为本人添加到就诊人，实名预约时直接选择“本人”，无需再次填写。'
          : '核验未通过不影响图文咨询等其他服务。'}
        身份证照片和人脸照片已在核验后删除，我们只保存加密的姓名、身份证号和核验结果。
      </Text>
      {verified ? null : (
        <Button className="btn btn--primary identity-result__retry" onClick={onRetry}>
          重新认证
        </Button>
      )}
    </View>
  );
}
