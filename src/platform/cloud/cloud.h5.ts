/** H5 and tests have no WeChat cloud: the local server is reached over HTTP instead. */
export function ensureCloud(): void {}
