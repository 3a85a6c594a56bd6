import { PERIODS, type Period } from '../../../contract/booking/items';
import type { HospitalBooking, SlotRecord, TakeResult } from '../../ports/hospital-booking';
import { parseSlotId, slotIdOf } from '../../booking/model';

/**
 * A hospital's HIS (or the city platform) over the HTTP contract in docs/his-contract.md.
 * The HIS owns the places: we read slots from it and take a place with an idempotent
 * `POST /bookings` (our appointment id is the key), after our own rule guards committed.
 * Anything but the documented answers (a 5xx, a timeout, a malformed body) is an Error:
 * the booking is rolled back and the patient told the hospital is unreachable.
 */
export interface HisConfig {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

interface HisSlot {
  doctorId: string;
  date: string;
  period: Period;
  feeFen: number;
  capacity: number;
  remaining: number;
  stopped: boolean;
}

export class HisError extends Error {
  override name = 'HisError';
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function readSlot(v: unknown): HisSlot {
  const s = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (
    typeof s.doctorId !== 'string' ||
    typeof s.date !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(s.date) ||
    !(PERIODS as readonly unknown[]).includes(s.period) ||
    !isInt(s.feeFen) ||
    !isInt(s.capacity) ||
    !isInt(s.remaining) ||
    typeof s.stopped !== 'boolean'
  )
    throw new HisError('HIS answered a malformed slot');
  return s as unknown as HisSlot;
}

export function createHisBooking(config: HisConfig): HospitalBooking {
  const base = config.baseUrl.replace(/\/+$/, '');
  async function call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await config.fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
      });
    } catch (err) {
      throw new HisError(`HIS unreachable: ${String(err)}`);
    }
    const text = await res.text();
    if (res.status >= 500 || res.status === 401 || res.status === 403)
      throw new HisError(`HIS answered ${res.status}`);
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new HisError('HIS answered non-JSON');
      }
    }
    return { status: res.status, json };
  }
  const record = (hospitalId: string, department: string, s: HisSlot): SlotRecord => ({
    slotId: slotIdOf(s.doctorId, s.date, s.period),
    doctorId: s.doctorId,
    hospitalId,
    department,
    date: s.date,
    period: s.period,
    feeFen: s.feeFen,
    capacity: s.capacity,
    remaining: Math.min(s.remaining, s.capacity),
    stopped: s.stopped,
  });
  const bookingBody = (appointmentId: string, slot: SlotRecord) => ({
    bookingId: appointmentId,
    doctorId: slot.doctorId,
    date: slot.date,
    period: slot.period,
  });
  const adapter: HospitalBooking = {
    kind: 'his',
    demo: false,
    async slots(doctor, dates) {
      const q = new URLSearchParams({
        doctorId: doctor.doctorId,
        from: dates[0],
        to: dates[dates.length - 1],
      });
      const { status, json } = await call('GET', `/slots?${q}`);
      const list = (json as { slots?: unknown } | null)?.slots;
      if (status !== 200 || !Array.isArray(list))
        throw new HisError(`HIS slots answered ${status}`);
      return list.map(readSlot).map((s) => record(doctor.hospitalId, doctor.department, s));
    },
    async slot(doctor, slotId) {
      // One read endpoint is all a HIS implements: the slot is the day's entry for its period.
      const where = parseSlotId(slotId);
      if (!where || where.doctorId !== doctor.doctorId) return null;
      const day = await adapter.slots(doctor, [where.date]);
      return day.find((s) => s.slotId === slotId) ?? null;
    },
    takeInTransaction: async () => 'deferred',
    async claim(appointmentId, slot, patient): Promise<TakeResult> {
      const { status, json } = await call('POST', '/bookings', {
        ...bookingBody(appointmentId, slot),
        patient: { ref: patient.patientId, maskedName: patient.maskedName, idType: patient.idType },
      });
      const answer = (json as { status?: unknown } | null)?.status;
      if ((status === 200 || status === 201) && answer === 'taken') return 'taken';
      if (status === 409 && (answer === 'full' || answer === 'stopped')) return answer;
      throw new HisError(`HIS booking answered ${status}`);
    },
    releaseInTransaction: async () => undefined,
    async release(appointmentId) {
      const { status } = await call('DELETE', `/bookings/${encodeURIComponent(appointmentId)}`);
      if (status !== 204 && status !== 200 && status !== 404)
        throw new HisError(`HIS cancel answered ${status}`);
    },
    async checkIn(appointmentId) {
      const { status } = await call(
        'POST',
        `/bookings/${encodeURIComponent(appointmentId)}/check-in`,
      );
      if (status !== 204 && status !== 200) throw new HisError(`HIS check-in answered ${status}`);
    },
  };
  return adapter;
}
