// Taro (and jest, tsc) resolve './share-card' by file name: share-card.weapp in WeChat, share-card.h5 in the browser.
export * from './share-card';
