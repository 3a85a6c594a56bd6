import { ComingSoon } from '../../components/coming-soon';

/** Account features arrive in a later issue; browsing never needs an account (REG). */
export default function MinePage() {
  return (
    <ComingSoon
      title="个人中心即将上线"
      text="登录、就诊人、订单和设置等功能正在开发中。浏览和搜索医院、医生无需登录。"
    />
  );
}
