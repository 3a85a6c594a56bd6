/**
 * The chat benchmark's server, in its own process (forked by bench/chat.ts) so the load
 * generator and the server each get a core. It is the real `buildServer` with the local
 * ports, after a setup done in-process through the real handlers: `doctors` free catalog
 * doctors bound to doctor accounts, `patients` registered accounts, each with one accepted
 * consult. Identities are minted with the server's own secret, so the parent gets a valid
 * session cookie per person.
 *
 * Protocol: argv[2] is JSON { dataDir, doctors, patients }; the process sends
 * { port, people } once listening and closes on 'close' or disconnect.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import { createLocalPorts } from '../../backend/adapters/local/ports';
import { DOCTORS } from '../../backend/collections';
import { createInvite } from '../../backend/consult';
import type { BackendFunction } from '../../backend/core/action';
import type { Caller } from '../../backend/core/context';
import { dispatch } from '../../backend/core/dispatch';
import { FUNCTIONS, findFunction } from '../../backend/functions';
import { silentLogger } from '../../backend/ports/logger';
import { systemRandom } from '../../backend/ports/random';
import { buildServer } from '../../server/app';
import { createIdentityIssuer } from '../../server/identity';
import { loadOrCreateSecret } from '../../server/secret';
import { serveToParent } from './child-server';

export interface ChatChildArgs {
  dataDir: string;
  doctors: number;
  patients: number;
}

export interface BenchPerson {
  cookie: string;
  role: 'patient' | 'doctor';
  /** Patients: their consult. Doctors: the consults they accepted. */
  consults: string[];
  /** Patients: the index of their doctor in `people`. */
  doctor: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '') as ChatChildArgs;
  const ports = createLocalPorts({ dataDir: args.dataDir, log: silentLogger });
  const codes = new Map<string, string>();
  ports.sms = { send: async (m) => void codes.set(m.phone, m.code) };
  const issuer = createIdentityIssuer(loadOrCreateSecret(args.dataDir));
  const call = async (fn: string, action: string, data: unknown, caller: Caller) => {
    const r = await dispatch(findFunction(fn)!, { action, data }, { ...ports, caller });
    if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.code} ${r.error.message}`);
    return r.data as Record<string, unknown>;
  };
  let phones = 0;
  const person = async (role: BenchPerson['role']) => {
    const identity = issuer.resolve(undefined, false);
    const caller = { openid: identity.openid, clientIp: null };
    const phone = `139${String(++phones).padStart(8, '0')}`;
    // As the app does: 同意 before registering (contract/privacy/requirements.ts).
    await call('privacy', 'recordConsent', { policyVersion: POLICY_VERSION }, caller);
    await call('user', 'sendCode', { purpose: 'register', phone }, caller);
    await call('user', 'register', { phone, code: codes.get(phone) }, caller);
    const cookie = (identity.setCookie ?? '').split(';')[0];
    return { caller, person: { cookie, role, consults: [] as string[], doctor: -1 } };
  };

  const doctors = [];
  for (let d = 0; d < args.doctors; d++) {
    const id = `d-bench-${d}`;
    await ports.store.insert(DOCTORS.name, {
      _id: id,
      name: `示例医生${d}`,
      title: '主治医师',
      titleRank: 2,
      department: '全科',
      hospitalId: 'h-bench',
      hospitalName: '示例医院',
      hospitalGradeRank: 0,
      location: { lat: 31.2, lng: 121.4 },
      specialties: [],
      specialtiesText: '',
      consultPrice: 0,
      rating: 5,
      consultCount: 0,
      synthetic: true,
      bio: '',
    });
    const doctor = await person('doctor');
    const { code } = await createInvite({ ...ports, random: systemRandom }, id);
    await call('consult', 'bindDoctor', { code }, doctor.caller);
    doctors.push({ id, ...doctor });
  }
  const patients = [];
  for (let p = 0; p < args.patients; p++) {
    const patient = await person('patient');
    const version = SENSITIVE_CONSENTS.health.version;
    await call('privacy', 'recordSensitiveConsent', { item: 'health', version }, patient.caller);
    const d = p % args.doctors;
    const consult = await call(
      'consult',
      'create',
      {
        doctorId: doctors[d].id,
        patient: { kind: 'self' },
        description: '基准测试用的病情描述文字。',
      },
      patient.caller,
    );
    const id = consult.id as string;
    await call('consult', 'accept', { consultId: id }, doctors[d].caller);
    patient.person.consults.push(id);
    patient.person.doctor = d;
    doctors[d].person.consults.push(id);
    patients.push(patient);
  }

  const app = await buildServer({
    dataDir: args.dataDir,
    ports,
    functions: FUNCTIONS as unknown as Record<string, BackendFunction>,
    logger: false,
    sweepIntervalMs: false,
  });
  await serveToParent(app, { people: [...doctors, ...patients].map((x) => x.person) });
}

main().catch((err: unknown) => {
  console.error('chat bench server failed:', err);
  process.exit(1);
});
