import Taro from '@tarojs/taro';

/**
 * WeChat 订阅消息 (就诊提醒, 停诊): asks for the templates the back end names. WeChat only shows
 * the dialog when this runs synchronously inside a tap handler — call it first thing in the
 * handler, before any await. A refusal or a failure changes nothing about the booking.
 */
export function requestSubscriptions(templateIds: readonly string[]): void {
  if (templateIds.length === 0 || typeof Taro.requestSubscribeMessage !== 'function') return;
  try {
    void Taro.requestSubscribeMessage({ tmplIds: [...templateIds], entityIds: [] }).catch(
      () => undefined,
    );
  } catch {
    // An old base library throws synchronously; the in-app notice still reaches the user.
  }
}
