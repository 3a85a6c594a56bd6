/** What both twins take (the page never knows which one it got). */
export interface PhoneButtonProps {
  disabled?: boolean;
  /** The one-time code to hand to loginWithWeChatPhone. */
  onCode: (code: string) => void;
  /** The user declined, or WeChat could not give a number. */
  onRefuse: (message: string) => void;
}
