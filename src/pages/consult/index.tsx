import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ComingSoon } from '../../components/coming-soon';
import { PrivacyHost } from '../../components/privacy-host';
import { usePageView } from '../../privacy/analytics';
import { routes } from '../../utils/routes';

/** Consultations arrive in a later issue; until then the tab says so plainly. */
export default function ConsultPage() {
  usePageView('consult');
  return (
    <>
      <ComingSoon
        title="在线咨询即将上线"
        text="上线后，您可以通过图文或视频向医生咨询，并在这里查看咨询记录。现在可以先浏览医院和医生。"
      >
        <Button
          className="btn btn--small"
          onClick={() => void Taro.switchTab({ url: routes.home })}
        >
          去找医生
        </Button>
      </ComingSoon>
      <PrivacyHost />
    </>
  );
}
