/**
 * `npm run seed` — loads the bundled Shanghai hospitals and generated demo doctors into
 * the local database (DATA_DIR, default ./data) when it is empty.
 * `npm run seed -- --reset` first clears the catalog (hospitals, doctors, departments).
 */
import { DEPARTMENTS, DOCTORS, HOSPITALS } from '../backend/collections';
import { createLocalPorts } from '../backend/adapters/local/ports';
import { seedCatalogIfEmpty } from '../backend/catalog/seed';
import { seedDemoSurvey } from '../backend/survey/seed';
import { silentLogger } from '../backend/ports/logger';
import { readConfig } from '../server/config';

async function main(): Promise<void> {
  const { dataDir } = readConfig();
  const reset = process.argv.includes('--reset');
  const { store } = createLocalPorts({ dataDir, log: silentLogger });
  try {
    if (reset) {
      for (const c of [HOSPITALS, DOCTORS, DEPARTMENTS]) await store.removeWhere(c.name, {});
      console.log('已清空目录数据 (catalog cleared)');
    }
    const r = await seedCatalogIfEmpty(store);
    // CS: the demo's one operator questionnaire, for everyone (backend/survey/seed.ts).
    if (await seedDemoSurvey(store)) console.log('已添加示例问卷 (demo questionnaire)');
    console.log(
      r.seeded
        ? `已导入 ${r.hospitals} 家医院、${r.doctors} 位示例医生 → ${dataDir}`
        : `数据库已有 ${r.hospitals} 家医院，未改动（用 --reset 重新导入） → ${dataDir}`,
    );
  } finally {
    store.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
