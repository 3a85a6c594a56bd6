/**
 * `npm run import -- <file.csv|file.json>` — an operator's own hospitals (and doctors), or
 * hospitals' booking configurations and schedules (a JSON with bookingConfigs/schedules,
 * backend/booking/import.ts).
 * Every row is validated first; if any row is wrong, each problem is printed with its
 * line (CSV) or JSON pointer and field, and nothing is imported (exit 1).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createLocalPorts } from '../backend/adapters/local/ports';
import { importCatalog, parseImportFile } from '../backend/catalog/import';
import { importSchedules, isScheduleImport } from '../backend/booking/import';
import { silentLogger } from '../backend/ports/logger';
import { readConfig } from '../server/config';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('用法: npm run import -- <文件.csv|文件.json>');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`无法读取 ${file}: ${(err as Error).message}`);
    return 2;
  }
  const { dataDir } = readConfig();
  const { store } = createLocalPorts({ dataDir, log: silentLogger });
  try {
    const body = /\.json$/i.test(file) ? jsonOrNull(text) : null;
    if (isScheduleImport(body)) {
      const result = await importSchedules(store, body, new Date());
      if (!result.ok) {
        console.error(`${file}: ${result.problems.length} 处问题，未导入任何数据:`);
        for (const p of result.problems) console.error(`  ${p.where}  ${p.field}: ${p.message}`);
        return 1;
      }
      console.log(`已导入 ${result.configs} 家医院的预约配置、${result.slots} 个号源 → ${dataDir}`);
      return 0;
    }
    const result = await importCatalog(store, parseImportFile(basename(file), text));
    if (!result.ok) {
      console.error(`${file}: ${result.problems.length} 处问题，未导入任何数据:`);
      for (const p of result.problems) console.error(`  ${p.where}  ${p.field}: ${p.message}`);
      return 1;
    }
    console.log(`已导入 ${result.hospitals} 家医院、${result.doctors} 位医生 → ${dataDir}`);
    return 0;
  } finally {
    store.close();
  }
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
