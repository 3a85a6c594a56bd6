// Taro (and jest, tsc) resolve './permissions' by file name: permissions.weapp in WeChat, permissions.h5 in the browser.
export * from './permissions';
