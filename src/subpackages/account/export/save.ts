import Taro from '@tarojs/taro';
import type { AccountExport } from '../../../services/account';

/** The file name a saved export gets: the day it was made. */
export const exportFileName = (data: AccountExport) =>
  `上海助医-我的数据-${data.exportedAt.slice(0, 10)}.json`;

/**
 * Saves the whole export as one JSON file and answers where it went. H5: the browser
 * downloads it. weapp: a file in the mini-program's own storage (wx.env.USER_DATA_PATH),
 * which the user can forward from the file's share menu.
 */
export async function saveExport(data: AccountExport): Promise<string> {
  // The paging cursor is the transport's, not part of the person's data.
  const { next: _next, ...copy } = data;
  const json = JSON.stringify(copy, null, 2);
  const name = exportFileName(data);
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return `已下载 ${name}`;
  }
  const path = `${Taro.env.USER_DATA_PATH}/${name}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath: path,
      data: json,
      encoding: 'utf8',
      success: () => resolve(),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
  return `已保存到小程序文件 ${name}`;
}
