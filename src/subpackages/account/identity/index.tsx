import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { IdentityView } from '../../../../contract/user';
import { handleAccountError } from '../../../session/require-login';
import { useAccountPage } from '../use-account-page';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { useAsync } from '../../../hooks/use-async';
import { usePageView } from '../../../privacy/analytics';
import { getIdentity } from '../../../services/user';
import { routes } from '../../../utils/routes';
import { SensitiveConsent } from './consent';
import { IdentityForm } from './form';
import { IdentityResult } from './result';
import '../account.css';
import './index.css';

const SELF = routes.identity;

/**
 * 我的 → 设置 → 账号设置 → 实名认证 (IDV): the separate consent first, then the form, then
 * the result — afterwards only masked values and the status are ever shown.
 */
export default function IdentityPage() {
  usePageView('identity');
  const state = useAccountPage(SELF);
  const load = useCallback(() => getIdentity(), []);
  const loaded = useAsync(state ? load : null);
  const [submitted, setSubmitted] = useState<IdentityView | null>(null);
  const [step, setStep] = useState<'view' | 'consent' | 'form'>('view');

  const failure = loaded.status === 'error' ? loaded.error : null;
  useEffect(() => {
    if (failure) handleAccountError(failure, SELF);
  }, [failure]);

  const view = submitted ?? loaded.data;
  let body;
  if (failure) body = <ErrorState error={failure} onRetry={() => void loaded.reload()} />;
  else if (!view) body = <ListSkeleton rows={3} />;
  else if (step === 'form') {
    body = (
      <IdentityForm
        onSubmitted={(next) => {
          setSubmitted(next);
          setStep('view');
        }}
      />
    );
  } else if (step === 'consent' || view.status === 'none') {
    body = (
      <>
        {view.status === 'none' ? (
          <Text className="identity__intro">
            实名认证用于实名预约挂号：通过后您本人即成为您的就诊人，预约时无需再次填写。问诊不需要实名认证。证件照和人脸照在核验后立即删除。完成认证前，请阅读并单独同意以下规则。
          </Text>
        ) : null}
        <SensitiveConsent onAgree={() => setStep('form')} />
      </>
    );
  } else body = <IdentityResult view={view} onRetry={() => setStep('consent')} />;

  return (
    <View className="page identity">
      {body}
      <PrivacyHost />
    </View>
  );
}
