/** The device capability: './device' is device.weapp in WeChat, device.h5 in the browser and jest (Taro and jest pick by file name; twins.check.ts proves both export the same). */
export * from './device';
