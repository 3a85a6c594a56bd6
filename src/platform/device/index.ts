// Taro (and jest, tsc) resolve './device' by file name: device.weapp in WeChat, device.h5 in the browser.
export * from './device';
