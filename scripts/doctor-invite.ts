/**
 * `npm run doctor:invite -- <doctorId>` — a one-time code that binds a doctor account (the
 * doctor types it in 我的 → 医生工作台). Stored in the local database (DATA_DIR) as an HMAC;
 * valid 7 days, once.
 *
 * `npm run doctor:invite -- <doctorId> --json` — for CloudBase: touches no local database
 * and prints the document to add to the `doctorInvites` collection (云开发控制台 → 数据库 →
 * 添加记录). Run it with the cloud function's ZHUYI_MASTER_KEY in the environment, or the
 * HMAC will not match what the function computes.
 */
import { createLocalPorts } from '../backend/adapters/local/ports';
import { createInvite, newInvite } from '../backend/consult';
import { systemClock } from '../backend/ports/clock';
import { createAesGcmCrypto, masterKeysFromEnv } from '../backend/ports/crypto';
import { silentLogger } from '../backend/ports/logger';
import { systemRandom } from '../backend/ports/random';
import { idSchema } from '../contract/common';
import { INVITE_TTL_DAYS } from '../contract/consult/items';
import { readConfig } from '../server/config';

const USAGE = 'usage: npm run doctor:invite -- <doctorId> [--json]';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const ids = argv.filter((a) => !a.startsWith('--'));
  const parsed = idSchema.safeParse(ids[0]);
  if (ids.length !== 1 || !parsed.success) {
    console.error(USAGE);
    return 2;
  }
  const doctorId = parsed.data;

  if (json) {
    const keys = masterKeysFromEnv(process.env);
    if (!keys) {
      console.error(
        '--json needs ZHUYI_MASTER_KEY (the consult cloud function’s key) in the environment',
      );
      return 2;
    }
    const { code, doc } = newInvite(
      { crypto: createAesGcmCrypto(keys), random: systemRandom, clock: systemClock },
      doctorId,
    );
    console.log(`邀请码 ${code}（${INVITE_TTL_DAYS} 天内有效，仅可使用一次）`);
    console.log('添加到 CloudBase 集合 doctorInvites 的记录：');
    console.log(JSON.stringify(doc));
    return 0;
  }

  const { dataDir } = readConfig();
  const ports = createLocalPorts({ dataDir, log: silentLogger });
  try {
    const invite = await createInvite(ports, doctorId).catch((err: unknown) => {
      if (err instanceof Error && /不存在/.test(err.message)) return null;
      throw err;
    });
    if (!invite) {
      console.error(`没有 id 为 ${doctorId} 的医生 (doctor not found in ${dataDir})`);
      return 1;
    }
    const d = invite.doctor;
    console.log(`医生：${d.name} ${d.title}（${d.hospitalName} · ${d.department}）`);
    console.log(`邀请码：${invite.code}`);
    console.log(
      `有效期至 ${invite.expiresAt}，仅可使用一次。请在 我的 → 医生工作台 输入邀请码完成绑定。`,
    );
    return 0;
  } finally {
    await ports.store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
