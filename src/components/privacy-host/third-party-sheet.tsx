import { Button, Text } from '@tarojs/components';
import { THIRD_PARTY_SERVICES } from '../../../contract/privacy/consent-items';
import { thirdPartyAsk } from '../../privacy/third-party';
import { Sheet } from '../sheet';

/** TPS: what a third-party service would receive, asked per service; refusing costs only that feature. */
export function ThirdPartySheet() {
  const ask = thirdPartyAsk.use();
  if (!ask) return null;
  const service = THIRD_PARTY_SERVICES[ask.service];
  return (
    <Sheet
      title={`使用${service.feature}需要您的同意`}
      actions={
        <>
          <Button className="btn" onClick={() => ask.answer(false)}>
            不同意
          </Button>
          <Button className="btn btn--primary" onClick={() => ask.answer(true)}>
            同意
          </Button>
        </>
      }
    >
      <Text className="sheet__text">
        {service.feature}由第三方服务「{service.label}」提供。{service.purpose}。
      </Text>
      <Text className="sheet__text">向其提供的信息：账号昵称、头像。</Text>
      <Text className="sheet__text">
        不同意只会使{service.feature}不可用，其他功能不受影响；同意后可随时在 我的 → 设置 → 隐私设置
        中撤回。
      </Text>
    </Sheet>
  );
}
