import { Button, Text } from '@tarojs/components';
import { AGREE_OPEN_TYPE, openContract } from '../../platform/privacy';
import { answerWxPrivacy, wxPrivacy } from '../../privacy/wx-privacy';
import { Sheet } from '../sheet';

export const WX_PRIVACY_AGREE_ID = 'wx-privacy-agree';

/**
 * WeChat's privacy authorization in our own words (POL): shown when WeChat asks before a
 * privacy API, or when its record lags behind the user's agreement. 同意 is the platform's
 * agreePrivacyAuthorization button; 拒绝 lets the waiting API fail, nothing else.
 */
export function WxPrivacyPopup() {
  const { request, needed } = wxPrivacy.use();
  if (!request && !needed) return null;
  return (
    <Sheet
      title="隐私保护提示"
      actions={
        <>
          <Button className="btn" onClick={() => answerWxPrivacy(false, WX_PRIVACY_AGREE_ID)}>
            拒绝
          </Button>
          <Button
            id={WX_PRIVACY_AGREE_ID}
            className="btn btn--primary"
            openType={AGREE_OPEN_TYPE}
            onClick={() => answerWxPrivacy(true, WX_PRIVACY_AGREE_ID)}
          >
            同意
          </Button>
        </>
      }
    >
      <Text className="sheet__text">
        使用该功能前，请阅读并同意微信《用户隐私保护指引》，其内容与您已阅读的隐私政策一致。拒绝只影响当前功能。
      </Text>
      <Text className="sheet__text sheet__link" onClick={() => void openContract()}>
        查看《用户隐私保护指引》
      </Text>
    </Sheet>
  );
}
