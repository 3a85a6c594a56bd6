import type { Period } from '../../../contract/booking/items';
import { BOOKING_SLOTS } from '../../collections';
import { DuplicateIdError, type DocumentStore } from '../../ports/document-store';
import type {
  DoctorRef,
  HospitalBooking,
  SlotPlan,
  SlotRecord,
} from '../../ports/hospital-booking';
import { isWorkingDay } from '../../booking/time';
import { parseSlotId, slotIdOf, type SlotDoc } from '../../booking/model';

/**
 * The platform's own schedules: slots are documents in our store (`bookingSlots`, id from
 * doctor, date and period). A place is taken by a conditional update `remaining > 0` inside
 * the booking transaction, so on either store adapter the count never goes below zero.
 *
 * `demo`: the seeded synthetic doctors' schedule is generated (working days, 上午 20 and 下午
 * 15 places, ¥25) and written on first look; every view of it carries the demo label.
 */
const DEMO_PLAN: ReadonlyArray<{ period: Period; capacity: number }> = [
  { period: 'am', capacity: 20 },
  { period: 'pm', capacity: 15 },
];
const DEMO_FEE_FEN = 2500;

const toRecord = (d: SlotDoc): SlotRecord => ({
  slotId: d._id,
  doctorId: d.doctorId,
  hospitalId: d.hospitalId,
  department: d.department,
  date: d.date,
  period: d.period,
  feeFen: d.feeFen,
  capacity: d.capacity,
  remaining: d.remaining,
  stopped: d.stopped,
});

function demoSlot(doctor: DoctorRef, date: string, period: Period, at: string): SlotDoc | null {
  const plan = DEMO_PLAN.find((p) => p.period === period);
  if (!plan || !isWorkingDay(date)) return null;
  return {
    _id: slotIdOf(doctor.doctorId, date, period),
    doctorId: doctor.doctorId,
    hospitalId: doctor.hospitalId,
    department: doctor.department,
    date,
    period,
    feeFen: DEMO_FEE_FEN,
    capacity: plan.capacity,
    remaining: plan.capacity,
    stopped: false,
    demo: true,
    updatedAt: at,
  };
}

async function insertIfAbsent(store: DocumentStore, doc: SlotDoc): Promise<void> {
  try {
    await store.insert(BOOKING_SLOTS.name, doc);
  } catch (err) {
    if (!(err instanceof DuplicateIdError)) throw err;
  }
}

export function createPlatformBooking(
  store: DocumentStore,
  options: { demo: boolean; now?: () => Date },
): HospitalBooking {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const adapter: HospitalBooking = {
    kind: 'platform',
    demo: options.demo,
    async slots(doctor, dates) {
      const found = await store.find<SlotDoc>(
        BOOKING_SLOTS.name,
        { doctorId: doctor.doctorId, date: { $gte: dates[0], $lte: dates[dates.length - 1] } },
        { limit: dates.length * 3 },
      );
      if (!options.demo) return found.map(toRecord);
      const have = new Set(found.map((d) => d._id));
      const made: SlotDoc[] = [];
      for (const date of dates)
        for (const { period } of DEMO_PLAN) {
          const doc = demoSlot(doctor, date, period, now());
          if (doc && !have.has(doc._id)) made.push(doc);
        }
      for (const doc of made) await insertIfAbsent(store, doc);
      if (made.length === 0) return found.map(toRecord);
      const again = await Promise.all(
        made.map((d) => store.get<SlotDoc>(BOOKING_SLOTS.name, d._id)),
      );
      return [...found, ...again.filter((d): d is SlotDoc => d !== null)].map(toRecord);
    },
    async slot(doctor, slotId) {
      const doc = await store.get<SlotDoc>(BOOKING_SLOTS.name, slotId);
      if (doc) return doc.doctorId === doctor.doctorId ? toRecord(doc) : null;
      const parsed = options.demo ? parseSlotId(slotId) : null;
      if (!parsed || parsed.doctorId !== doctor.doctorId) return null;
      const made = demoSlot(doctor, parsed.date, parsed.period, now());
      if (!made) return null;
      await insertIfAbsent(store, made);
      const stored = await store.get<SlotDoc>(BOOKING_SLOTS.name, slotId);
      return stored && toRecord(stored);
    },
    async takeInTransaction(tx, slot) {
      const taken = await tx.updateIf(
        BOOKING_SLOTS.name,
        slot.slotId,
        { stopped: false, remaining: { $gt: 0 } },
        { inc: { remaining: -1 } },
      );
      if (taken) return 'taken';
      const now = await tx.get<SlotDoc>(BOOKING_SLOTS.name, slot.slotId);
      return !now || now.stopped ? 'stopped' : 'full';
    },
    claim: async () => 'taken',
    async releaseInTransaction(tx, slot) {
      await tx.update(BOOKING_SLOTS.name, slot.slotId, { inc: { remaining: 1 } });
    },
    release: async () => undefined,
    checkIn: async () => undefined,
    async setSlots(doctor, date, plans) {
      const out: SlotRecord[] = [];
      for (const plan of plans) out.push(...(await applyPlan(store, doctor, date, plan, now())));
      return out;
    },
    async stop(slotId) {
      return store.updateIf(
        BOOKING_SLOTS.name,
        slotId,
        { stopped: false },
        { set: { stopped: true, updatedAt: now() } },
      );
    },
  };
  return adapter;
}

export class CapacityBelowTaken extends Error {
  constructor(readonly taken: number) {
    super('capacity below the places taken');
  }
}

/** One period of a day: created, resized (never below the places taken) or closed. */
async function applyPlan(
  store: DocumentStore,
  doctor: DoctorRef,
  date: string,
  plan: SlotPlan,
  at: string,
): Promise<SlotRecord[]> {
  const id = slotIdOf(doctor.doctorId, date, plan.period);
  const capacity = plan.open ? plan.capacity : 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await store.get<SlotDoc>(BOOKING_SLOTS.name, id);
    if (!doc) {
      if (capacity === 0) return [];
      const fresh: SlotDoc = {
        _id: id,
        ...doctor,
        date,
        period: plan.period,
        feeFen: plan.feeFen,
        capacity,
        remaining: capacity,
        stopped: false,
        demo: false,
        updatedAt: at,
      };
      try {
        await store.insert(BOOKING_SLOTS.name, fresh);
        return [toRecord(fresh)];
      } catch (err) {
        if (!(err instanceof DuplicateIdError)) throw err;
        continue;
      }
    }
    const taken = doc.capacity - doc.remaining;
    if (capacity < taken) throw new CapacityBelowTaken(taken);
    // Compare-and-set on both counts: a booking in between makes us read again.
    const set = {
      capacity,
      remaining: capacity - taken,
      feeFen: plan.feeFen,
      stopped: false,
      updatedAt: at,
    };
    if (
      await store.updateIf(
        BOOKING_SLOTS.name,
        id,
        { capacity: doc.capacity, remaining: doc.remaining },
        { set },
      )
    )
      return capacity === 0 ? [] : [toRecord({ ...doc, ...set })];
  }
  throw new Error('slot kept changing while it was being rescheduled');
}
