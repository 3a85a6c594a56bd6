/**
 * The booking benchmark's server, in its own process (forked by bench/booking.ts): the real
 * `buildServer` with the local ports over SQLite, a platform hospital with one doctor, the
 * contended slot (capacity `capacity`) and a quiet slot for the uncontended baseline, and
 * `people` logged-in accounts each with one valid 就诊人 `me` (a bench PatientDirectory).
 * Accounts are written directly (registration is the user bench's business).
 *
 * Protocol: argv[2] is JSON { dataDir, people, capacity }; the process sends
 * { port, cookies, hot, quiet } once listening and closes on 'close' or disconnect.
 */
import { createLocalPorts } from '../../backend/adapters/local/ports';
import { BOOKING_CONFIGS, BOOKING_SLOTS, DOCTORS, USERS } from '../../backend/collections';
import type { BackendFunction } from '../../backend/core/action';
import { FUNCTIONS } from '../../backend/functions';
import { slotIdOf, type SlotDoc } from '../../backend/booking/model';
import { addDays, shanghaiDate } from '../../backend/booking/time';
import { silentLogger } from '../../backend/ports/logger';
import { phoneContext, type UserDoc } from '../../backend/user/account';
import { buildServer } from '../../server/app';
import { createIdentityIssuer } from '../../server/identity';
import { loadOrCreateSecret } from '../../server/secret';
import { serveToParent } from './child-server';

export interface BookingChildArgs {
  dataDir: string;
  people: number;
  capacity: number;
}

const DOCTOR = 'd-bench-booking';

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '') as BookingChildArgs;
  const ports = createLocalPorts({ dataDir: args.dataDir, log: silentLogger });
  ports.patients = {
    getForBooking: async (owner, patientId) =>
      patientId === 'me'
        ? {
            patientId,
            idType: 'resident_id',
            hasValidDocument: true,
            birthDate: '1980-01-01',
            maskedName: '测*',
            identityKey: `bench-${owner}`,
          }
        : null,
  };
  const issuer = createIdentityIssuer(loadOrCreateSecret(args.dataDir));
  const now = new Date().toISOString();
  const cookies: string[] = [];
  const users: UserDoc[] = [];
  for (let i = 0; i < args.people; i++) {
    const identity = issuer.resolve(undefined, false);
    const openid = identity.openid;
    const phone = `139${String(i).padStart(8, '0')}`;
    users.push({
      _id: openid,
      owner: openid,
      phoneHash: ports.crypto.hmac('phone', phone),
      phoneEnc: ports.crypto.encrypt(phone, phoneContext(openid)),
      nickname: '用户',
      avatarKey: null,
      loggedIn: true,
      pendingDevice: null,
      lastDeviceId: null,
      registeredAt: now,
      loginAt: now,
      updatedAt: now,
    });
    cookies.push((identity.setCookie ?? '').split(';')[0]);
  }
  await ports.store.insertMany(USERS.name, users);
  await ports.store.insert(DOCTORS.name, {
    _id: DOCTOR,
    name: '基准医生',
    title: '主任医师',
    titleRank: 0,
    department: '心内科',
    hospitalId: 'h-bench',
    hospitalName: '基准医院',
    hospitalGradeRank: 0,
    location: { lat: 31.2, lng: 121.4 },
    specialties: [],
    specialtiesText: '',
    consultPrice: 0,
    rating: 5,
    consultCount: 0,
    synthetic: false,
    bio: '',
  });
  await ports.store.insert(BOOKING_CONFIGS.name, {
    _id: 'h-bench',
    adapter: 'platform',
    demo: false,
    his: null,
    payAt: 'online',
    subMchId: null,
    // The bench's people book once each; the monthly cap is not what is measured.
    rules: {},
  });
  const date = addDays(shanghaiDate(new Date()), 2);
  const slot = (period: SlotDoc['period'], capacity: number): SlotDoc => ({
    _id: slotIdOf(DOCTOR, date, period),
    doctorId: DOCTOR,
    hospitalId: 'h-bench',
    department: '心内科',
    date,
    period,
    feeFen: 5000,
    capacity,
    remaining: capacity,
    stopped: false,
    demo: false,
    updatedAt: now,
  });
  const hot = slot('am', args.capacity);
  const quiet = slot('pm', args.people);
  await ports.store.insertMany(BOOKING_SLOTS.name, [hot, quiet]);

  const app = await buildServer({
    dataDir: args.dataDir,
    ports,
    functions: FUNCTIONS as unknown as Record<string, BackendFunction>,
    logger: false,
    sweepIntervalMs: false,
  });
  await serveToParent(app, { cookies, hot: hot._id, quiet: quiet._id });
}

main().catch((err: unknown) => {
  console.error('booking bench server failed:', err);
  process.exit(1);
});
