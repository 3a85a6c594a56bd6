import Taro from '@tarojs/taro';
import { go, routes } from '../utils/routes';
import { getConsent } from './consent';

/**
 * For any feature that needs personal data (POL, SCOPE): in browse-only mode it explains
 * why it cannot run and offers the policy again, instead of collecting anything.
 */
export async function requirePolicy(feature: string): Promise<boolean> {
  if (getConsent().status === 'agreed') return true;
  const { confirm } = await Taro.showModal({
    title: '需要同意隐私政策',
    content: `${feature}需要处理您的个人信息。您尚未同意隐私政策，目前只能浏览医院和医生。`,
    confirmText: '查看政策',
    cancelText: '暂不',
  });
  if (confirm) go(routes.privacyPolicy);
  return false;
}
