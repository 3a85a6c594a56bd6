/**
 * The browser has no 订阅消息: reminders reach the user as in-app notices (the back end sends
 * them either way). Same signature as the weapp twin; does nothing.
 */
export function requestSubscriptions(templateIds: readonly string[]): void {
  void templateIds;
}
