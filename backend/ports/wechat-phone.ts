/**
 * WeChatPhone: the phone number behind a `Button openType="getPhoneNumber"` code (REG).
 * CloudBase: cloud.openapi.phonenumber.getPhoneNumber. Locally there is no WeChat: the
 * adapter refuses with FAILED_PRECONDITION, and the UI offers the SMS path.
 */
export interface WeChatPhoneNumber {
  /** Without country code, as WeChat's purePhoneNumber. */
  phone: string;
  countryCode: string;
}

export interface WeChatPhone {
  /** Rejects with an ApiError the handler passes on. */
  getPhoneNumber(code: string): Promise<WeChatPhoneNumber>;
}
