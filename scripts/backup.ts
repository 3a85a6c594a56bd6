/**
 * `npm run backup -- <folder>` — a consistent backup of DATA_DIR (default ./data) in a new
 * folder `<folder>/zhuyi-backup-<UTC time>`: the database through SQLite's online backup
 * API (the server may keep running) and the uploaded files. The keys (master.key,
 * secret.key) are never in it: keep them separately (README "Backups").
 */
import { BackupError, backupDataDir } from '../backend/adapters/local/backup';
import { readConfig } from '../server/config';

const USAGE = 'usage: npm run backup -- <folder for backups>';

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a.startsWith('-'));
  const folders = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || folders.length !== 1 || folders[0].trim() === '') {
    console.error(USAGE);
    return 2;
  }
  const { dataDir } = readConfig();
  const r = await backupDataDir({ dataDir, outDir: folders[0] });
  console.log(`已备份 ${dataDir} → ${r.dir}（数据库 + ${r.files} 个文件；密钥不在备份中）`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof BackupError ? `备份失败：${err.message}` : err);
    process.exitCode = err instanceof BackupError ? 2 : 1;
  },
);
