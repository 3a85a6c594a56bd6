/**
 * WeChat's own privacy authorization (the 用户隐私保护指引 agreement the platform checks
 * before any privacy API), behind one interface: weapp drives it, H5 has none.
 */
export interface PrivacyRequest {
  /** The API or component that triggered it, e.g. "getLocation". */
  referrer: string;
  /** The user tapped our agree button (an openType="agreePrivacyAuthorization" Button). */
  agree: (buttonId: string) => void;
  disagree: () => void;
}

/** The open-type our agree buttons carry: WeChat's privacy authorization, or none. */
export type AgreeOpenType = 'agreePrivacyAuthorization' | undefined;
