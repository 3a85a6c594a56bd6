import { bookingActions } from '../../contract/booking';
import type { BackendFunction } from '../core/action';
import { book } from './book';
import { checkIn, roster, setSlots, stopSlot } from './doctor-side';
import { registerBookingRemovalBlocker } from './patient-blocker';
import { pay, sandboxConfirm } from './pay';
import { cancel, get, list } from './patient-side';
import { schedule } from './schedule';

export { runBookingSweep, type BookingSweepReport } from './sweep';
export { bookingPaymentNotice } from './pay';

// Loading booking is what makes patients.remove check for a future appointment.
registerBookingRemovalBlocker();

/** 预约挂号 (issue 13); see docs/booking.md. */
export const bookingFunction: BackendFunction<'booking'> = {
  name: 'booking',
  actions: bookingActions,
  handlers: {
    schedule,
    book,
    pay,
    sandboxConfirm,
    cancel,
    list,
    get,
    setSlots,
    stopSlot,
    roster,
    checkIn,
  },
};
