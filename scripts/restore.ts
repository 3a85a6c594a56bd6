/**
 * `npm run restore -- <backup folder> [--force]` — with the server stopped, puts a backup
 * made by `npm run backup` into DATA_DIR (default ./data), then replays DATA_DIR's deletion
 * ledger: accounts deleted after the backup are deleted again (DEL). DATA_DIR must hold only
 * the keys (put master.key back first, or set ZHUYI_MASTER_KEY) and the ledger; `--force`
 * replaces an existing database and files.
 */
import { BackupError, restoreDataDir } from '../backend/adapters/local/backup';
import { readConfig } from '../server/config';

const USAGE = 'usage: npm run restore -- <backup folder> [--force]';

async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--force');
  const folders = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || folders.length !== 1 || folders[0].trim() === '') {
    console.error(USAGE);
    return 2;
  }
  const { dataDir } = readConfig();
  const r = await restoreDataDir({ backupDir: folders[0], dataDir, force });
  console.log(
    `已恢复 ${folders[0]} → ${dataDir}（${r.files} 个文件；按删除记录再次注销 ${r.deletedAgain} 个账号）`,
  );
  if (r.secretKeyMissing)
    console.warn(
      `注意：${dataDir} 中没有 secret.key——启动后每个浏览器将获得新身份。如有原 secret.key，请在启动服务前放回。`,
    );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof BackupError ? `恢复失败：${err.message}` : err);
    process.exitCode = err instanceof BackupError ? 2 : 1;
  },
);
